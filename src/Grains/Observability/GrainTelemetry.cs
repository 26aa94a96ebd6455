namespace OrleansGame.Grains.Observability;

/// <summary>The names hosts subscribe to for the grains' own telemetry.</summary>
public static class GrainTelemetry
{
    /// <summary>The meter of the game's grains (rooms, players).</summary>
    public const string MeterName = "OrleansGame.Grains";

    /// <summary>Orleans' own meter (messaging, activations, membership, ...).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>The activity sources Orleans starts grain-call activities on once activity propagation is added.</summary>
    public static IReadOnlyList<string> OrleansActivitySources { get; } = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
}

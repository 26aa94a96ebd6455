using System.Diagnostics;

namespace OrleansGame.Gateway.Observability;

/// <summary>The gateway's telemetry names and its activity source for hub messages.</summary>
internal static class GatewayTelemetry
{
    /// <summary>The name of the gateway's meter and activity source.</summary>
    public const string Name = "OrleansGame.Gateway";

    /// <summary>
    /// Starts an activity per hub message (<c>GameHub/Input</c>, ...) and per forwarding of a message to the grains,
    /// so one input can be followed from the hub into the grain calls.
    /// </summary>
    public static ActivitySource Source { get; } = new(Name);
}

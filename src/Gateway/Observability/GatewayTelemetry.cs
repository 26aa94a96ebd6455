using System.Diagnostics;
using OrleansGame.Gateway.Hubs;

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

    /// <summary>
    /// Starts the activity of handing <paramref name="message"/> to the grains, as a child of the hub message's
    /// activity it was created under, so the grain calls made inside it join the message's trace.
    /// </summary>
    public static Activity? StartForward(ClientMessage message, string playerId)
    {
        var type = MessageTypes.Of(message);
        var activity = Source.StartActivity($"forward {type}", ActivityKind.Internal, message.TraceParent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("orleansgame.message_type", type);
            activity.SetTag("orleansgame.player_id", playerId);
        }

        return activity;
    }
}

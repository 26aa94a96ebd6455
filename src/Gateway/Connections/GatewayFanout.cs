using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// This gateway's <see cref="IGatewayObserver"/>: a room pushes each tick's state here once for all of its members
/// connected to this gateway, and it is written to their connections serialised once per protocol, instead of one
/// grain message and one serialisation per member.
/// </summary>
/// <remarks>
/// <para>
/// The writes go straight to each member's <see cref="HubConnectionContext"/>, as SignalR's own group send does.
/// <c>IHubClients.Clients(ids)</c> would look every connection of the gateway up against the list, for every room on
/// every tick.
/// </para>
/// <para>
/// Orleans hands one observer object its messages one at a time and waits for each to complete, and every room of the
/// gateway pushes through this one object; so a push starts the writes and returns at once. Waiting for them would
/// let one client that stopped reading (its writes wait for the socket) hold up every room's states to every other
/// client here. Its own writes queue behind each other until the ping service closes it.
/// </para>
/// </remarks>
internal sealed class GatewayFanout(IGrainFactory grains, HubConnections connections, GatewayMetrics metrics, TimeProvider time) : IGatewayObserver
{
    private readonly ConcurrentDictionary<GrainId, HubConnectionContext> _routes = new();
    private readonly Lock _referenceLock = new();
    private IGatewayObserver? _reference;

    /// <summary>
    /// The reference grains push through, created on first use (by then a standalone gateway's silo is running) and
    /// valid for the process's lifetime: this singleton holds the object it points to.
    /// </summary>
    public IGatewayObserver Reference
    {
        get
        {
            lock (_referenceLock)
            {
                return _reference ??= grains.CreateObjectReference<IGatewayObserver>(this);
            }
        }
    }

    /// <summary>
    /// Routes states for the player observer <paramref name="observer"/> to the connection
    /// <paramref name="connectionId"/>; nothing to route when that connection has already ended.
    /// </summary>
    public void Add(GrainId observer, string connectionId)
    {
        if (connections.TryGet(connectionId, out var connection))
        {
            _routes[observer] = connection;
        }
    }

    /// <summary>Stops routing states for <paramref name="observer"/> (its connection has ended).</summary>
    public void Remove(GrainId observer) => _routes.TryRemove(observer, out _);

    /// <inheritdoc/>
    public Task OnStateAsync(ServerMessage state, long serverTime, GrainId[] observers)
    {
        SerializedHubMessage? message = null;
        var sent = 0;
        foreach (var observer in observers)
        {
            if (!_routes.TryGetValue(observer, out var connection))
            {
                continue;
            }

            message ??= new SerializedHubMessage(new InvocationMessage(state.Method, Arguments(state)));
            // A write never faults (SignalR aborts the connection instead), so one still pending is left to finish.
            var write = connection.WriteAsync(message);
            if (!write.IsCompletedSuccessfully)
            {
                _ = write.AsTask();
            }

            sent++;
        }

        if (sent > 0)
        {
            metrics.MessageSent(state.Method, sent);
            metrics.SnapshotDelayed(time.GetUtcNow().ToUnixTimeMilliseconds() - serverTime);
        }

        return Task.CompletedTask;
    }

    private static object?[] Arguments(ServerMessage state) => state.Type is null
        ? [RawJson.From(state.Payload)]
        : [state.Type, RawJson.From(state.Payload)];
}

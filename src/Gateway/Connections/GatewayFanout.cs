using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// This gateway's <see cref="IGatewayObserver"/>: a room pushes each tick's snapshot here once for all of its members
/// connected to this gateway, and it goes to their connections as one SignalR send, serialised once per protocol,
/// instead of one grain message and one serialisation per member.
/// </summary>
internal sealed class GatewayFanout(IGrainFactory grains, IHubContext<GameHub> hub) : IGatewayObserver
{
    private readonly ConcurrentDictionary<GrainId, string> _connections = new();
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

    /// <summary>Routes snapshots for <paramref name="observer"/> to the connection <paramref name="connectionId"/>.</summary>
    public void Add(IPlayerObserver observer, string connectionId) => _connections[observer.GetGrainId()] = connectionId;

    /// <summary>Stops routing snapshots for <paramref name="observer"/> (its connection has ended).</summary>
    public void Remove(IPlayerObserver observer) => _connections.TryRemove(observer.GetGrainId(), out _);

    /// <inheritdoc/>
    public Task OnSnapshotAsync(Snapshot snapshot, GrainId[] observers)
    {
        var connectionIds = new List<string>(observers.Length);
        foreach (var observer in observers)
        {
            if (_connections.TryGetValue(observer, out var connectionId))
            {
                connectionIds.Add(connectionId);
            }
        }

        return connectionIds.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).SendAsync(ServerMethods.Snapshot, snapshot);
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// The hub connections this gateway holds, by connection id, kept by the hub's lifetime manager from a connection's
/// start to its end; the snapshot fan-out writes to them directly.
/// </summary>
internal sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    /// <summary>Adds a connection that has just started.</summary>
    public void Add(HubConnectionContext connection) => _connections[connection.ConnectionId] = connection;

    /// <summary>Removes a connection that has ended.</summary>
    public void Remove(HubConnectionContext connection) => _connections.TryRemove(connection.ConnectionId, out _);

    /// <summary>The connection <paramref name="connectionId"/>, if it is open on this gateway.</summary>
    public bool TryGet(string connectionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubConnectionContext? connection) =>
        _connections.TryGetValue(connectionId, out connection);
}

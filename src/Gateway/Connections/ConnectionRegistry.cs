using System.Collections.Concurrent;

namespace OrleansGame.Gateway.Connections;

/// <summary>The live <see cref="PlayerConnection"/>s of this gateway, keyed by SignalR connection id.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, PlayerConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>How many connections are live.</summary>
    public int Count => _connections.Count;

    /// <summary>Registers a new connection.</summary>
    public void Add(PlayerConnection connection) => _connections[connection.ConnectionId] = connection;

    /// <summary>The connection with <paramref name="connectionId"/>, or null.</summary>
    public PlayerConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    /// <summary>Removes and returns the connection with <paramref name="connectionId"/>, or null.</summary>
    public PlayerConnection? Remove(string connectionId) => _connections.TryRemove(connectionId, out var connection) ? connection : null;

    /// <summary>A snapshot of the live connections.</summary>
    public IReadOnlyList<PlayerConnection> Snapshot() => [.. _connections.Values];
}

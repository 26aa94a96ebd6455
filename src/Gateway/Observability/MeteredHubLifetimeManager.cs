using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// Wraps the hub's lifetime manager to count what the gateway sends and the connections it holds: every push to a
/// client by type, every <c>Error</c> by code, and each connection's close with the reason of the <c>Closing</c> it
/// was sent (or <see cref="MessageTypes.ClientClosed"/> when the client went away first). It also keeps
/// <see cref="HubConnections"/> current, the connections the snapshot fan-out writes to (and counts) itself.
/// </summary>
internal sealed partial class MeteredHubLifetimeManager(
    HubLifetimeManager<GameHub> inner, HubConnections connections, GatewayMetrics metrics, ILogger<MeteredHubLifetimeManager> logger)
    : HubLifetimeManager<GameHub>
{
    private readonly ConcurrentDictionary<string, string> _closeReasons = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _closeReasons[connection.ConnectionId] = MessageTypes.ClientClosed;
        metrics.ConnectionOpened();
        await inner.OnConnectedAsync(connection);
        connections.Add(connection);
    }

    /// <inheritdoc/>
    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.Remove(connection);
        await inner.OnDisconnectedAsync(connection);
        if (_closeReasons.TryRemove(connection.ConnectionId, out var reason))
        {
            metrics.ConnectionClosed(reason);
        }
    }

    /// <inheritdoc/>
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        if (methodName == ServerMethods.Error && args is [ErrorMessage error])
        {
            LogErrorSent(logger, connectionId, error.Code);
        }
        else if (methodName == ServerMethods.Closing && args is [Closing closing])
        {
            // The first Closing decides the reason; the connection must still be open to count it.
            _closeReasons.TryUpdate(connectionId, closing.Reason, MessageTypes.ClientClosed);
        }

        return inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendConnectionsAsync(
        IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, connectionIds.Count);
        return inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendAllAsync(methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendAllExceptAsync(
        string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendGroupAsync(groupName, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendGroupsAsync(
        IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendGroupsAsync(groupNames, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendGroupExceptAsync(
        string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendUserAsync(userId, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Count(methodName, args, 1);
        return inner.SendUsersAsync(userIds, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        inner.AddToGroupAsync(connectionId, groupName, cancellationToken);

    /// <inheritdoc/>
    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    /// <inheritdoc/>
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken)
    {
        Count(methodName, args, 1);
        return inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        inner.SetConnectionResultAsync(connectionId, result);

    /// <inheritdoc/>
    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        inner.TryGetReturnType(invocationId, out type);

    private void Count(string methodName, object?[] args, int connections)
    {
        metrics.MessageSent(methodName, connections);
        if (methodName == ServerMethods.Error && args is [ErrorMessage error])
        {
            metrics.MessageRejected(error.Code);
        }
    }
}

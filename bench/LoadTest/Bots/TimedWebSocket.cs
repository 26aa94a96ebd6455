using System.Diagnostics;
using System.Net.WebSockets;

namespace OrleansGame.LoadTest.Bots;

/// <summary>
/// A bot's WebSocket, noting when it last completed a whole message, so that the bot can split a snapshot's delay
/// into the part before its own WebSocket had it (server, kernel) and the part after (the SignalR client's parsing
/// and dispatch on the generator's thread pool).
/// </summary>
internal sealed class TimedWebSocket(WebSocket inner) : WebSocket
{
    private long lastMessageAt;

    /// <summary>The <see cref="Stopwatch"/> timestamp of the last whole message received, 0 before the first.</summary>
    public long LastMessageAt => Volatile.Read(ref lastMessageAt);

    /// <inheritdoc/>
    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    /// <inheritdoc/>
    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    /// <inheritdoc/>
    public override WebSocketState State => inner.State;

    /// <inheritdoc/>
    public override string? SubProtocol => inner.SubProtocol;

    /// <inheritdoc/>
    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        if (result.EndOfMessage)
        {
            Volatile.Write(ref lastMessageAt, Stopwatch.GetTimestamp());
        }

        return result;
    }

    /// <inheritdoc/>
    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        if (result.EndOfMessage)
        {
            Volatile.Write(ref lastMessageAt, Stopwatch.GetTimestamp());
        }

        return result;
    }

    /// <inheritdoc/>
    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);

    /// <inheritdoc/>
    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    /// <inheritdoc/>
    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    /// <inheritdoc/>
    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    /// <inheritdoc/>
    public override void Abort() => inner.Abort();

    /// <inheritdoc/>
    public override void Dispose() => inner.Dispose();
}

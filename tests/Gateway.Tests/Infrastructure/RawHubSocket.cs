using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// A hub connection on a bare WebSocket with the JSON protocol, straight to the upgrade (no negotiate request, as
/// SignalR's <c>skipNegotiation</c> does): for tests that need the exact bytes sent or the upgrade's own answer, and
/// for sequences a SignalR client would never send (several calls in one frame, calls that cannot be bound).
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;
    private readonly Queue<JsonElement> _frames = new();
    private readonly StringBuilder _pending = new();

    private RawHubSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>The WebSocket close status once the server closed, or null.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Opens the upgrade with <paramref name="origin"/> (none when null) and does the JSON handshake.</summary>
    public static async Task<RawHubSocket> ConnectAsync(Uri baseAddress, string token, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var url = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/game", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        try
        {
            await socket.ConnectAsync(url, TestContext.Current.CancellationToken).WaitAsync(Bound);
        }
        catch (WebSocketException exception)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new UpgradeRefusedException(status, exception);
        }

        var hub = new RawHubSocket(socket);
        await hub.SendFrameAsync("""{"protocol":"json","version":1}""");
        var handshake = await hub.ReceiveFrameAsync();
        Assert.False(handshake.TryGetProperty("error", out var error), $"handshake refused: {error}");
        return hub;
    }

    /// <summary>Sends <paramref name="json"/> as one frame (the record separator is added).</summary>
    public Task SendFrameAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken)
            .WaitAsync(Bound);

    /// <summary>Sends <paramref name="records"/> together in one WebSocket frame, each followed by the record separator.</summary>
    public Task SendFramesAsync(params string[] records) =>
        _socket.SendAsync(
            Encoding.UTF8.GetBytes(string.Concat(records.Select(static record => record + Separator))),
            WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken).WaitAsync(Bound);

    /// <summary>The target of an invocation frame, or null.</summary>
    public static string? Target(JsonElement frame) =>
        frame.TryGetProperty("target", out var target) ? target.GetString() : null;

    /// <summary>The next frame the server sent; <see cref="EndOfStreamException"/> once the server closed the WebSocket.</summary>
    public async Task<JsonElement> ReceiveFrameAsync()
    {
        var buffer = new byte[16 * 1024];
        while (_frames.Count == 0)
        {
            var result = await _socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken).WaitAsync(Bound);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new EndOfStreamException($"the server closed the WebSocket ({result.CloseStatus})");
            }

            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var text = _pending.ToString();
            var end = text.LastIndexOf(Separator);
            if (end < 0)
            {
                continue;
            }

            foreach (var frame in text[..end].Split(Separator))
            {
                _frames.Enqueue(JsonDocument.Parse(frame).RootElement.Clone());
            }

            _pending.Clear().Append(text[(end + 1)..]);
        }

        return _frames.Dequeue();
    }

    /// <summary>Reads frames until one matches <paramref name="predicate"/>, skipping pings and snapshots.</summary>
    public async Task<JsonElement> ReceiveFrameAsync(Func<JsonElement, bool> predicate)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync();
            if (predicate(frame))
            {
                return frame;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(Bound);
            }
            catch (Exception exception) when (exception is WebSocketException or TimeoutException)
            {
                // Already going away.
            }
        }

        _socket.Dispose();
    }
}

/// <summary>The server refused the WebSocket upgrade with <see cref="StatusCode"/>.</summary>
public sealed class UpgradeRefusedException(HttpStatusCode statusCode, Exception inner)
    : Exception($"the upgrade was refused with {(int)statusCode}", inner)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}

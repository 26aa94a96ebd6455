using System.Net.WebSockets;
using System.Text;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// A raw WebSocket speaking the hub's JSON protocol by hand, for tests of the bytes themselves and of sequences a
/// SignalR client would never send (several calls in one frame, calls that cannot be bound).
/// </summary>
public sealed class RawHubSocket : IDisposable
{
    public const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();

    private RawHubSocket()
    {
    }

    public WebSocketState State => _socket.State;

    /// <summary>Connects with <paramref name="token"/> in the query (no negotiate) and completes the JSON handshake.</summary>
    public static async Task<RawHubSocket> ConnectAsync(Uri baseAddress, string token)
    {
        var raw = new RawHubSocket();
        var url = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/game", Query = "access_token=" + Uri.EscapeDataString(token) };
        await raw._socket.ConnectAsync(url.Uri, TestContext.Current.CancellationToken);
        await raw.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = await raw.ReceiveAsync(static _ => true);
        Assert.Equal("{}", handshake);
        return raw;
    }

    /// <summary>Sends <paramref name="records"/> as one WebSocket frame, each followed by the record separator.</summary>
    public Task SendAsync(params string[] records) =>
        _socket.SendAsync(
            Encoding.UTF8.GetBytes(string.Concat(records.Select(static record => record + RecordSeparator))),
            WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>Reads records until one matches <paramref name="wanted"/>, which must come before the server closes.</summary>
    public async Task<string> RequireAsync(Func<string, bool> wanted) =>
        await ReceiveAsync(wanted) ?? throw new InvalidOperationException("the server closed the connection before the record came");

    /// <summary>Reads records until one matches <paramref name="wanted"/>; pings and other pushes are skipped. Null when the server closed first.</summary>
    public async Task<string?> ReceiveAsync(Func<string, bool> wanted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Bound);
        var buffer = new byte[16 * 1024];
        var chars = new char[buffer.Length];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                if (wanted(text[..end]))
                {
                    return text[..end];
                }

                continue;
            }

            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _pending.Append(chars, 0, _utf8.GetChars(buffer, 0, result.Count, chars, 0));
        }
    }

    public void Dispose() => _socket.Dispose();
}

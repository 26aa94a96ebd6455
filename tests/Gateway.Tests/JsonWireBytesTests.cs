using System.Net.WebSockets;
using System.Text;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// The JSON protocol's bytes, read off a raw WebSocket: what rooms serialise reaches clients as the hub's own JSON
/// protocol wrote it before modes existed, so text outside ASCII and HTML-sensitive characters are not escaped.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class JsonWireBytesTests(GatewayFixture fixture)
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task JoinResultAndChat_WithNonAsciiAndHtmlCharacters_AreWrittenUnescapedAsBefore()
    {
        var session = await fixture.Host.CreateSessionAsync("Zoë");
        using var socket = new ClientWebSocket();
        var url = new UriBuilder(fixture.Host.BaseAddress) { Scheme = "ws", Path = "/hubs/game", Query = "access_token=" + Uri.EscapeDataString(session.Token) };
        await socket.ConnectAsync(url.Uri, TestContext.Current.CancellationToken);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        Assert.Equal("{}", await ReceiveAsync(socket, static _ => true));

        await SendAsync(socket, """{"type":1,"invocationId":"1","target":"CreateRoom","arguments":[{"isPrivate":true}]}""");
        var joined = await ReceiveAsync(socket, static frame => frame.Contains("\"invocationId\":\"1\"", StringComparison.Ordinal));
        await SendAsync(socket, """{"type":1,"target":"Chat","arguments":[{"text":"<b>é & 'q'</b>"}]}""");
        var chat = await ReceiveAsync(socket, static frame => frame.Contains("\"target\":\"Chat\"", StringComparison.Ordinal));

        TestContext.Current.TestOutputHelper?.WriteLine(joined);
        TestContext.Current.TestOutputHelper?.WriteLine(chat);
        Assert.Contains("\"name\":\"Zoë\"", joined, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"<b>é & 'q'</b>\"", chat, StringComparison.Ordinal);
    }

    private static Task SendAsync(ClientWebSocket socket, string frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>Reads frames until one matches <paramref name="wanted"/>; pings and other pushes are skipped.</summary>
    private static async Task<string> ReceiveAsync(ClientWebSocket socket, Func<string, bool> wanted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Bound);
        var pending = new StringBuilder();
        var buffer = new byte[16 * 1024];
        var chars = new char[buffer.Length];
        var utf8 = Encoding.UTF8.GetDecoder();
        while (true)
        {
            var text = pending.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                pending.Remove(0, end + 1);
                if (wanted(text[..end]))
                {
                    return text[..end];
                }

                continue;
            }

            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            pending.Append(chars, 0, utf8.GetChars(buffer, 0, result.Count, chars, 0));
        }
    }
}

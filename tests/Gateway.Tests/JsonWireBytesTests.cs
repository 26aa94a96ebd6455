using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// The JSON protocol's bytes, read off a raw WebSocket: what rooms serialise reaches clients as the hub's own JSON
/// protocol wrote it before modes existed, so text outside ASCII and HTML-sensitive characters are not escaped.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class JsonWireBytesTests(GatewayFixture fixture)
{
    [Fact]
    public async Task JoinResultAndChat_WithNonAsciiAndHtmlCharacters_AreWrittenUnescapedAsBefore()
    {
        var session = await fixture.Host.CreateSessionAsync("Zoë");
        await using var socket = await RawHubSocket.ConnectAsync(fixture.Host.BaseAddress, session.Token);

        // A frame's raw text is the bytes as the server wrote them: parsing keeps the original text of each element.
        await socket.SendFrameAsync("""{"type":1,"invocationId":"1","target":"CreateRoom","arguments":[{"isPrivate":true}]}""");
        var joined = (await socket.ReceiveFrameAsync(static frame => frame.TryGetProperty("invocationId", out var id) && id.GetString() == "1")).GetRawText();
        await socket.SendFrameAsync("""{"type":1,"target":"Chat","arguments":[{"text":"<b>é & 'q'</b>"}]}""");
        var chat = (await socket.ReceiveFrameAsync(static frame => RawHubSocket.Target(frame) == "Chat")).GetRawText();

        TestContext.Current.TestOutputHelper?.WriteLine(joined);
        TestContext.Current.TestOutputHelper?.WriteLine(chat);
        Assert.Contains("\"name\":\"Zoë\"", joined, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"<b>é & 'q'</b>\"", chat, StringComparison.Ordinal);
    }
}

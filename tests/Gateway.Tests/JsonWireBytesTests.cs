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
        using var socket = await RawHubSocket.ConnectAsync(fixture.Host.BaseAddress, session.Token);

        await socket.SendAsync("""{"type":1,"invocationId":"1","target":"CreateRoom","arguments":[{"isPrivate":true}]}""");
        var joined = await socket.RequireAsync(static frame => frame.Contains("\"invocationId\":\"1\"", StringComparison.Ordinal));
        await socket.SendAsync("""{"type":1,"target":"Chat","arguments":[{"text":"<b>é & 'q'</b>"}]}""");
        var chat = await socket.RequireAsync(static frame => frame.Contains("\"target\":\"Chat\"", StringComparison.Ordinal));

        TestContext.Current.TestOutputHelper?.WriteLine(joined);
        TestContext.Current.TestOutputHelper?.WriteLine(chat);
        Assert.Contains("\"name\":\"Zoë\"", joined, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"<b>é & 'q'</b>\"", chat, StringComparison.Ordinal);
    }
}

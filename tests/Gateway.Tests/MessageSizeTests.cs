using System.Text.Json;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// The 4 KB limit on a client's message, at its edge, on a bare WebSocket so that the frames have exact sizes: a
/// message that fits is read (and judged by the game's rules), one byte more closes that connection with a SignalR
/// close message carrying an error.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MessageSizeTests(GatewayFixture fixture)
{
    private const int Limit = (int)GameHubExtensions.MaximumReceiveMessageSize;
    private const string ChatHead = "{\"type\":1,\"target\":\"Chat\",\"arguments\":[{\"text\":\"";
    private const string ChatTail = "\"}]}";

    /// <summary>A JSON <c>Chat</c> frame of exactly <paramref name="bytes"/> bytes, its record separator included.</summary>
    private static string ChatFrame(int bytes) => ChatHead + new string('x', bytes - 1 - ChatHead.Length - ChatTail.Length) + ChatTail;

    private static string? Target(JsonElement frame) => frame.TryGetProperty("target", out var target) ? target.GetString() : null;

    private async Task<RawHubSocket> SeatedSocketAsync()
    {
        var session = await fixture.Host.CreateSessionAsync();
        var socket = await RawHubSocket.ConnectAsync(fixture.Host.BaseAddress, session.Token, origin: null);
        await socket.SendFrameAsync("""{"type":1,"invocationId":"1","target":"CreateRoom","arguments":[{"isPrivate":true}]}""");
        var created = await socket.ReceiveFrameAsync(f => f.GetProperty("type").GetInt32() == 3);
        Assert.True(created.TryGetProperty("result", out _), $"CreateRoom failed: {created}");
        return socket;
    }

    [Fact]
    public async Task Message_OfExactlyTheLimit_IsReadAndJudgedByTheMode_AndTheConnectionStays()
    {
        await using var socket = await SeatedSocketAsync();

        await socket.SendFrameAsync(ChatFrame(Limit));
        var error = await socket.ReceiveFrameAsync(f => Target(f) == "Error");

        // The hub read it; the arena's own limit on a Chat payload (1 KB, docs/protocol.md section 4) refused it.
        Assert.Equal("message_too_large", error.GetProperty("arguments")[0].GetProperty("code").GetString());
        await socket.SendFrameAsync("""{"type":1,"target":"Chat","arguments":[{"text":"still here"}]}""");
        var chat = await socket.ReceiveFrameAsync(f => Target(f) == "Chat");
        Assert.Equal("still here", chat.GetProperty("arguments")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Message_OneByteOverTheLimit_ClosesTheConnectionWithAnError()
    {
        await using var socket = await SeatedSocketAsync();

        await socket.SendFrameAsync(ChatFrame(Limit + 1));
        var close = await socket.ReceiveFrameAsync(f => f.GetProperty("type").GetInt32() == 7 || Target(f) == "Error");

        Assert.Equal(7, close.GetProperty("type").GetInt32());
        Assert.False(string.IsNullOrEmpty(close.GetProperty("error").GetString()), $"the close message carries no error: {close}");
        await Assert.ThrowsAsync<EndOfStreamException>(() => socket.ReceiveFrameAsync());
    }
}

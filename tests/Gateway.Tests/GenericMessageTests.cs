using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Arena.Wire;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// <c>Send(type, payload)</c> and the server's <c>Message</c> and mode methods, against the real gateway running the
/// arena: the gateway checks seat, type, size, shape and per-type rate; the room reads the payload.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GenericMessageTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task SendChat_InARoom_ReachesEveryMemberLikeChat(WireProtocol protocol)
    {
        await using var sender = await Host.ConnectNewPlayerAsync(protocol, "Sender");
        await using var other = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        var room = await sender.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        await other.JoinAsync(room.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await sender.Connection.SendAsync("Send", "Chat", new ChatRequest("  via send  "), TestContext.Current.CancellationToken);

        var seen = await other.WaitForChatAsync(Bound);
        Assert.Equal(("via send", sender.PlayerId, "Sender"), (seen.Text, seen.PlayerId, seen.Name));
        Assert.Equal("via send", (await sender.WaitForChatAsync(Bound)).Text);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task SendInput_InARoom_IsAppliedLikeInput(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.Connection.SendAsync("Send", "Input", new InputMessage(4, 0, 1), TestContext.Current.CancellationToken);

        await client.WaitForSnapshotAsync(s => s.Players.Single(p => p.PlayerId == client.PlayerId).AckSeq == 4, Bound);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Send_ATypeTheModeDoesNotDeclare_GetsUnknownMessage(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.Connection.SendAsync("Send", "Nope", new Dictionary<string, object>(), TestContext.Current.CancellationToken);

        Assert.Equal("unknown_message", (await client.WaitForErrorAsync(Bound)).Code);
        await AssertStillServedAsync(client);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Send_PayloadOverItsTypesSize_GetsMessageTooLarge(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        // Chat allows 1024 bytes of JSON; this is about 2 KB, well within the hub's 4 KB message.
        await client.Connection.SendAsync("Send", "Chat", new ChatRequest(new string('x', 2000)), TestContext.Current.CancellationToken);
        Assert.Equal("message_too_large", (await client.WaitForErrorAsync(Bound)).Code);
        await client.Connection.SendAsync("Input", new { seq = 1, dx = 0, dy = 0, pad = new string('x', 300) }, TestContext.Current.CancellationToken);
        Assert.Equal("message_too_large", (await client.WaitForErrorAsync(Bound)).Code);

        await AssertStillServedAsync(client);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Send_NotSeated_GetsNotInRoom(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        await client.Connection.SendAsync("Send", "Chat", new ChatRequest("hello"), TestContext.Current.CancellationToken);
        Assert.Equal("not_in_room", (await client.WaitForErrorAsync(Bound)).Code);
        await client.Connection.SendAsync("Send", "Anything", new Dictionary<string, object>(), TestContext.Current.CancellationToken);
        Assert.Equal("not_in_room", (await client.WaitForErrorAsync(Bound)).Code);

        var room = await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(client.PlayerId, room.PlayerId);
        await client.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken);
        await client.Connection.SendAsync("Send", "Chat", new ChatRequest("gone"), TestContext.Current.CancellationToken);
        Assert.Equal("not_in_room", (await client.WaitForErrorAsync(Bound)).Code);
    }

    public static TheoryData<WireProtocol, string, object?> NotAnObject() => new()
    {
        { WireProtocol.Json, "Chat", "a string" },
        { WireProtocol.Json, "Chat", new[] { 1, 2 } },
        { WireProtocol.Json, "Chat", 42 },
        { WireProtocol.Json, "Chat", null },
        { WireProtocol.Json, "not a type!", new Dictionary<string, object>() },
        { WireProtocol.Json, "", new Dictionary<string, object>() },
        { WireProtocol.MessagePack, "Chat", "a string" },
        { WireProtocol.MessagePack, "Chat", new[] { "a" } },
        { WireProtocol.MessagePack, "Chat", 4.5 },
        { WireProtocol.MessagePack, "Chat", null },
        { WireProtocol.MessagePack, new string('t', 33), new Dictionary<string, object>() },
    };

    [Theory]
    [MemberData(nameof(NotAnObject))]
    public async Task Send_PayloadNotAnObjectOrTypeNotAName_GetsInvalidArgumentAndTheConnectionStays(WireProtocol protocol, string type, object? payload)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.Connection.SendAsync("Send", type, payload, TestContext.Current.CancellationToken);

        Assert.Equal("invalid_argument", (await client.WaitForErrorAsync(Bound)).Code);
        await AssertStillServedAsync(client);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Send_MisshapenFlood_ClosesWithFlood(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        try
        {
            for (var i = 0; i < 20 && !client.Closing.IsCompleted; i++)
            {
                await client.Connection.SendAsync("Send", "Input", "not an object", TestContext.Current.CancellationToken);
            }
        }
        catch (InvalidOperationException) when (client.Closing.IsCompleted || client.Closed.IsCompleted)
        {
            // The server closed the connection while the flood was still being sent.
        }

        Assert.Equal("flood", (await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken)).Reason);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Send_OverATypesRate_IsRateLimitedWhileOtherTypesPass(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        // The arena's Chat bucket holds 3; a fourth at once is over it, while Input has a bucket of its own.
        for (var i = 0; i < 4; i++)
        {
            await client.Connection.SendAsync("Send", "Chat", new ChatRequest($"line {i}"), TestContext.Current.CancellationToken);
        }

        await client.Connection.SendAsync("Send", "Input", new InputMessage(9, 1, 0), TestContext.Current.CancellationToken);

        Assert.Equal("rate_limited", (await client.WaitForErrorAsync(Bound)).Code);
        var chats = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            chats.Add((await client.WaitForChatAsync(Bound)).Text);
        }

        Assert.Equal(["line 0", "line 1", "line 2"], chats);
        await client.WaitForSnapshotAsync(s => s.Players.Single(p => p.PlayerId == client.PlayerId).AckSeq == 9, Bound);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Message_FromARoom_ReachesTheClientAsMessageTypeAndPayload(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        var received = new TaskCompletionSource<(string Type, string Payload)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ownMethod = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (protocol == WireProtocol.Json)
        {
            client.Connection.On<string, JsonElement>("Message", (type, payload) => received.TrySetResult((type, payload.GetRawText())));
            client.Connection.On<JsonElement>("Bonus", payload => ownMethod.TrySetResult(payload.GetRawText()));
        }
        else
        {
            client.Connection.On<string, Dictionary<object, object>>("Message", (type, payload) =>
                received.TrySetResult((type, JsonSerializer.Serialize(payload))));
            client.Connection.On<Dictionary<object, object>>("Bonus", payload => ownMethod.TrySetResult(JsonSerializer.Serialize(payload)));
        }

        var observer = new ConnectionObserver(await ConnectionOfAsync(client), Host.App.Services.GetRequiredService<IHubContext<GameHub>>());
        await observer.OnMessageAsync(new ServerMessage("Message", Payload("""{"points":3,"who":"p1"}"""), "Scored"));
        await observer.OnMessageAsync(new ServerMessage("Bonus", Payload("""{"points":5}""")));

        Assert.Equal(("Scored", """{"points":3,"who":"p1"}"""), await received.Task.WaitAsync(Bound, TestContext.Current.CancellationToken));
        Assert.Equal("""{"points":5}""", await ownMethod.Task.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    /// <summary>The client's connection on the gateway, once the hub has registered it (just after the handshake).</summary>
    private async Task<PlayerConnection> ConnectionOfAsync(TestClient client)
    {
        var registry = Host.App.Services.GetRequiredService<ConnectionRegistry>();
        var found = await Eventually.WaitAsync(
            () => Task.FromResult(registry.Snapshot().SingleOrDefault(c => c.PlayerId == client.PlayerId)), static c => c is not null, Bound);
        return found!;
    }

    private static JsonPayload Payload(string json) => new(Encoding.UTF8.GetBytes(json));

    /// <summary>The connection is open and its next valid message is handled.</summary>
    private static async Task AssertStillServedAsync(TestClient client)
    {
        var seq = Random.Shared.Next(100, 1000);
        await client.SendInputAsync(seq, 0, 1);
        await client.WaitForSnapshotAsync(s => s.Players.Single(p => p.PlayerId == client.PlayerId).AckSeq == seq, Bound);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Arena.Wire;

namespace OrleansGame.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ValidationTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Input_BreakingTheRules_GetsInvalidInputAndTheNextValidInputWorks(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        object[] bad =
        [
            new InputMessage(1, 2, 0),
            new InputMessage(2, 0, -1.5),
            new InputMessage(3, 1e308, 0),
            new InputMessage(4, null, 0.5),
            new InputMessage(null, 0.5, 0.5),
            new { seq = 5 },
        ];
        foreach (var input in bad)
        {
            await client.Connection.SendAsync("Input", input, TestContext.Current.CancellationToken);
            var error = await client.WaitForErrorAsync(Bound);
            Assert.Equal("invalid_input", error.Code);
        }

        await client.SendInputAsync(7, 0.6, -0.8);
        await client.WaitForSnapshotAsync(s => s.Players.Single(p => p.PlayerId == client.PlayerId).AckSeq == 7, Bound);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, client.Connection.State);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Input_SeqGoingBackwards_IsIgnoredWithoutError(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.SendInputAsync(10, 1, 0);
        await client.WaitForSnapshotAsync(s => Me(client, s).AckSeq == 10, Bound);
        await client.SendInputAsync(5, -1, 0);
        await client.SendInputAsync(10, -1, 0);
        await client.SendInputAsync(11, 0, 1);
        var acked = await client.WaitForSnapshotAsync(s => Me(client, s).AckSeq != 10, Bound);

        Assert.Equal(11, Me(client, acked).AckSeq);
        Assert.False(client.TryTakeError(out var error), $"unexpected error {error}");
    }

    [Theory]
    [InlineData(WireProtocol.Json, "")]
    [InlineData(WireProtocol.Json, "   ")]
    [InlineData(WireProtocol.MessagePack, "   ")]
    [InlineData(WireProtocol.Json, "bell\u0007")]
    [InlineData(WireProtocol.Json, "gg \u202Eesrever")]
    [InlineData(WireProtocol.MessagePack, "zero\u200Bwidth")]
    [InlineData(WireProtocol.Json, "\u3164\u3164")]
    [InlineData(WireProtocol.Json, "Z\u0336\u0336\u0336\u0336\u0336\u0336")]
    public async Task Chat_BreakingTheTextRules_GetsInvalidChat(WireProtocol protocol, string text)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.SendChatAsync(text);

        Assert.Equal("invalid_chat", (await client.WaitForErrorAsync(Bound)).Code);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Chat_Overlong_GetsInvalidChatAndConnectionStays(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.SendChatAsync(new string('a', 201));
        Assert.Equal("invalid_chat", (await client.WaitForErrorAsync(Bound)).Code);
        await client.SendChatAsync(new string('a', 200));

        Assert.Equal(200, (await client.WaitForChatAsync(Bound)).Text.Length);
    }

    [Fact]
    public async Task Chat_DecomposedText_IsEchoedInNfc()
    {
        await using var client = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await client.SendChatAsync("cafe\u0301");

        Assert.Equal("caf\u00E9", (await client.WaitForChatAsync(Bound)).Text);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task InputAndChat_OutsideARoom_GetNotInRoom(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        await client.SendInputAsync(1, 0, 1);
        Assert.Equal("not_in_room", (await client.WaitForErrorAsync(Bound)).Code);
        await client.SendChatAsync("hello");
        Assert.Equal("not_in_room", (await client.WaitForErrorAsync(Bound)).Code);
    }

    [Theory]
    [InlineData(WireProtocol.Json, "BAD!!!", "invalid_room_id")]
    [InlineData(WireProtocol.Json, "abc", "invalid_room_id")]
    [InlineData(WireProtocol.MessagePack, "zz9zz9", "room_not_found")]
    public async Task JoinRoom_BadCode_FailsWithCodedHubException(WireProtocol protocol, string roomId, string code)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(roomId).WaitAsync(Bound, TestContext.Current.CancellationToken));

        AssertHubError(code, error);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task JoinRoom_WhileSeated_FailsWithAlreadyInRoom(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<HubException>(() => client.QuickJoinAsync().WaitAsync(Bound, TestContext.Current.CancellationToken));

        AssertHubError("already_in_room", error);
        await client.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken);
        await client.QuickJoinAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Unbindable_Shapes_AreCountedAndTheConnectionStays(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        // A string where an object belongs, then an array for an object, then a string where a number belongs.
        await client.Connection.SendAsync("Input", "fast", TestContext.Current.CancellationToken);
        Assert.Equal("invalid_argument", (await client.WaitForErrorAsync(Bound)).Code);
        await client.Connection.SendAsync("Input", new[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        Assert.Equal("invalid_argument", (await client.WaitForErrorAsync(Bound)).Code);
        await client.Connection.SendAsync("Input", new { seq = "one", dx = 0, dy = 0 }, TestContext.Current.CancellationToken);
        Assert.Equal("invalid_argument", (await client.WaitForErrorAsync(Bound)).Code);

        await client.SendInputAsync(1, 0, 1);
        await client.WaitForSnapshotAsync(s => Me(client, s).AckSeq == 1, Bound);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Unbindable_Flood_ClosesWithFlood(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        try
        {
            for (var i = 0; i < 20 && !client.Closing.IsCompleted; i++)
            {
                await client.Connection.SendAsync("Chat", new[] { "a", "b" }, TestContext.Current.CancellationToken);
            }
        }
        catch (InvalidOperationException) when (client.Closing.IsCompleted || client.Closed.IsCompleted)
        {
            // The server closed the connection while the flood was still being sent.
        }

        Assert.Equal("flood", (await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken)).Reason);
        await client.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The server throws a HubException whose message starts with the code; SignalR delivers it to the client as
    /// "An unexpected error occurred invoking 'X' on the server. HubException: code: message".
    /// </summary>
    internal static void AssertHubError(string code, HubException error) =>
        Assert.Matches($"(^|HubException: ){code}: \\S", error.Message);

    private static PlayerState Me(TestClient client, Snapshot snapshot) => snapshot.Players.Single(p => p.PlayerId == client.PlayerId);
}

using OrleansGame.Arena.Wire;
using OrleansGame.Client.Tests.Infrastructure;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Arena;

namespace OrleansGame.Client.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RoomTests(GatewayFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Fresh() => new() { ["test"] = Guid.NewGuid().ToString("N")[..16] };

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task JoinOrCreate_Arena_DeliversTypedJoinResultAndSnapshots(GameProtocol protocol)
    {
        await using var client = await fixture.Server.NewPlayerAsync(protocol);
        var snapshots = new Inbox<Snapshot>();

        var room = await client.JoinOrCreateAsync("arena", new JoinOrCreateOptions { Properties = Fresh() }, Token);
        room.OnState<Snapshot>(snapshots.Add);
        var joined = room.JoinResultAs<ArenaJoinState>();
        var snapshot = await snapshots.NextAsync(s => s.Players.Any(p => p.PlayerId == room.PlayerId));

        Assert.Equal("arena", room.Mode);
        Assert.Equal(client.Session!.PlayerId, room.PlayerId);
        Assert.Same(room, client.CurrentRoom);
        Assert.Contains(room.Roster, entry => entry.PlayerId == room.PlayerId);
        Assert.Equal(24, joined.Orbs.Count);
        Assert.Equal(1000, joined.Arena.WorldWidth);
        Assert.Equal(room.Id, snapshot.RoomId);
        Assert.NotNull(room.State);
    }

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task JoinByCode_TwoPlayersExchangeTypedMessages(GameProtocol protocol)
    {
        await using var alice = await fixture.Server.NewPlayerAsync(protocol, "Alice");
        await using var bob = await fixture.Server.NewPlayerAsync(protocol, "Bob");
        var events = new Inbox<ArenaRoomEvent>();
        var chats = new Inbox<ChatMessage>();

        var created = await alice.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        created.OnMessage<ArenaRoomEvent>(ArenaMessageTypes.RoomEvent, events.Add);
        created.OnMessage<ChatMessage>(ArenaMessageTypes.Chat, chats.Add);
        var joined = await bob.JoinAsync(created.Id, Token);
        var arrival = await events.NextAsync(e => e.Type == "player_joined");
        await joined.SendAsync(ArenaMessageTypes.Chat, new ChatRequest("gl hf"), Token);
        var chat = await chats.NextAsync();

        Assert.Equal(created.Id, joined.Id);
        Assert.Equal("Bob", arrival.Name);
        Assert.Equal(bob.Session!.PlayerId, arrival.PlayerId);
        Assert.Equal(("Bob", "gl hf"), (chat.Name, chat.Text));
    }

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task FourInARow_TypedStateFollowsTheMoves(GameProtocol protocol)
    {
        await using var first = await fixture.Server.NewPlayerAsync(protocol);
        await using var second = await fixture.Server.NewPlayerAsync(protocol);
        var properties = new JoinOrCreateOptions { Properties = Fresh() };
        var states = new Inbox<BoardState>();

        var one = await first.JoinOrCreateAsync("four-in-a-row", properties, Token);
        one.OnState<BoardState>(states.Add);
        var two = await second.JoinOrCreateAsync("four-in-a-row", properties, Token);
        var playing = await states.NextAsync(s => s.Phase == "playing");
        var mover = playing.Turn == one.PlayerId ? one : two;
        await mover.SendAsync("Drop", new DropMessage(3), Token);
        var moved = await states.NextAsync(s => s.Moves == 1);

        Assert.Equal(one.Id, two.Id);
        Assert.Equal("four-in-a-row", two.Mode);
        Assert.Equal(3, moved.LastMove!.Column);
        Assert.NotEqual(0, moved.Board[5][3]);
        Assert.Equal(moved.Moves, one.StateAs<BoardState>()!.Moves);
    }

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task Send_OfAnUndeclaredType_ComesBackAsAnError(GameProtocol protocol)
    {
        await using var client = await fixture.Server.NewPlayerAsync(protocol);
        var room = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var errors = new Inbox<GameErrorEventArgs>();
        room.OnError(errors.Add);

        await room.SendAsync("Teleport", new { x = 1 }, Token);
        var error = await errors.NextAsync();

        Assert.Equal("unknown_message", error.Code);
        Assert.True(client.IsConnected);
    }

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task Join_Refused_ThrowsTheContractsCode(GameProtocol protocol)
    {
        await using var client = await fixture.Server.NewPlayerAsync(protocol);

        var invalid = await Assert.ThrowsAsync<GameException>(() => client.JoinAsync("NOPE!", Token));
        var missing = await Assert.ThrowsAsync<GameException>(() => client.JoinAsync("zzzzzz", Token));
        var mode = await Assert.ThrowsAsync<GameException>(() => client.JoinOrCreateAsync("no-such-mode", cancellationToken: Token));

        Assert.Equal(("invalid_room_id", "room_not_found", "unknown_mode"), (invalid.Code, missing.Code, mode.Code));
        Assert.Null(client.CurrentRoom);
    }

    [Fact]
    public async Task Leave_EndsTheRoomAndItsHandlers()
    {
        await using var client = await fixture.Server.NewPlayerAsync(GameProtocol.Json);
        var room = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var causes = new Inbox<LeaveCause>();
        var states = new Inbox<Snapshot>();
        room.OnLeave(causes.Add);
        room.OnState<Snapshot>(states.Add);
        await states.NextAsync();

        await room.LeaveAsync(Token);
        var cause = await causes.NextAsync();
        var refused = await Assert.ThrowsAsync<GameException>(() => room.SendAsync("Chat", new ChatRequest("hi"), Token));
        var next = await client.JoinOrCreateAsync("arena", new JoinOrCreateOptions { Properties = Fresh() }, Token);

        Assert.Equal(LeaveCause.Left, cause);
        Assert.False(room.IsActive);
        Assert.Equal("not_in_room", refused.Code);
        Assert.Same(next, client.CurrentRoom);
    }

    [Fact]
    public async Task LeaveRoom_OnTheClient_EndsTheRoomHandle()
    {
        await using var client = await fixture.Server.NewPlayerAsync(GameProtocol.Json);
        var first = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var causes = new Inbox<LeaveCause>();
        first.OnLeave(causes.Add);

        await client.LeaveRoomAsync(Token);
        var second = await client.JoinOrCreateAsync("four-in-a-row", new JoinOrCreateOptions { Properties = Fresh() }, Token);

        Assert.Equal(LeaveCause.Left, await causes.NextAsync());
        Assert.False(first.IsActive);
        Assert.True(second.IsActive);
        Assert.True(second.Is("four-in-a-row"));
    }
}

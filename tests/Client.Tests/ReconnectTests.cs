using OrleansGame.Arena.Wire;
using OrleansGame.Client.Tests.Infrastructure;

namespace OrleansGame.Client.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ReconnectTests(GatewayFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task DroppedNetwork_WithinTheSeatHold_ResumesTheSameRoom(GameProtocol protocol)
    {
        await using var proxy = new TcpProxy(fixture.Server.BaseAddress);
        await using var client = new GameClient(new GameClientOptions { BaseAddress = proxy.Address, Protocol = protocol });
        await client.CreateSessionAsync("Dropper", Token);
        var room = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var rejoins = new Inbox<Room>();
        var snapshots = new Inbox<Snapshot>();
        var reconnects = new Inbox<string>();
        room.OnRejoin(rejoins.Add);
        room.OnState<Snapshot>(snapshots.Add);
        client.Reconnecting += (_, _) => reconnects.Add("reconnecting");
        client.Reconnected += (_, _) => reconnects.Add("reconnected");
        await snapshots.NextAsync();

        proxy.CutAll();
        Assert.Equal("reconnecting", await reconnects.NextAsync());
        Assert.Equal("reconnected", await reconnects.NextAsync(timeout: TimeSpan.FromSeconds(15)));
        var rejoined = await rejoins.NextAsync(timeout: TimeSpan.FromSeconds(15));
        var mine = await snapshots.NextAsync(s => s.Players.Any(p => p.PlayerId == room.PlayerId && !p.Away), TimeSpan.FromSeconds(15));

        Assert.Same(room, rejoined);
        Assert.True(room.IsActive);
        Assert.Same(room, client.CurrentRoom);
        Assert.Equal(room.Id, mine.RoomId);
        Assert.Equal(room.Id, room.JoinResultAs<ArenaJoinState>().Snapshot.RoomId);
    }
}

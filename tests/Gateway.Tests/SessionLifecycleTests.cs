using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>Reconnects resume the seat; a second connection of the same player replaces the first.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SessionLifecycleTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Reconnect_WithinWindow_ResumesSeatAndScore(WireProtocol protocol)
    {
        var session = await Host.CreateSessionAsync("Comeback");
        await using var witness = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        var first = await Host.ConnectAsync(session, protocol);
        var room = await first.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        await witness.JoinAsync(room.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);
        var (_, score) = await Steering.CollectOrbAsync(first, room, 0, TimeSpan.FromSeconds(20));

        await first.DisposeAsync();
        await witness.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == session.PlayerId && p.Away), Bound);
        await using var second = await Host.ConnectAsync(session, protocol);
        var resumed = await second.WaitForRoomStateAsync(Bound);

        Assert.Equal(room.RoomId, resumed.RoomId);
        Assert.Equal(session.PlayerId, resumed.PlayerId);
        Assert.Contains(resumed.Roster, r => r.PlayerId == session.PlayerId);
        var me = resumed.Snapshot.Players.Single(p => p.PlayerId == session.PlayerId);
        Assert.True(me.Score >= score, $"score {me.Score} after reconnect, {score} before");
        await second.SendInputAsync(1000, 0, 1);
        await witness.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == session.PlayerId && !p.Away && p.AckSeq == 1000), Bound);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task SecondConnection_SamePlayer_ClosesTheFirstWithDuplicateSession(WireProtocol protocol)
    {
        var session = await Host.CreateSessionAsync();
        await using var first = await Host.ConnectAsync(session, protocol);
        await first.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await using var second = await Host.ConnectAsync(session, protocol);

        Assert.Equal("duplicate_session", (await first.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken)).Reason);
        await first.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await second.WaitForRoomStateAsync(Bound);
        await second.SendChatAsync("it is me");
        Assert.Equal("it is me", (await second.WaitForChatAsync(Bound)).Text);
        Assert.Equal(HubConnectionState.Connected, second.Connection.State);
    }
}

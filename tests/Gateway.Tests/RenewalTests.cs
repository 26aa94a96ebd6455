using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// The renewal service: it keeps the current connection's subscription (and takes it back when the player grain forgot
/// it), and closes with <c>duplicate_session</c> a connection the grain no longer holds as current.
/// </summary>
public sealed class RenewalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Renewal_AfterThePlayerGrainForgotTheConnection_AttachesItAgainAndResumesTheSeat()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:ObserverRenewInterval"] = "00:00:00.1" });
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        var joined = await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        // A new activation knows no connection, and nothing else calls it (pings come from the grain itself): only a
        // renewal brings the connection back, and the grain then resumes the seat with a RoomState.
        await DeactivatePlayerAsync(host, client.PlayerId);

        var resumed = await client.WaitForRoomStateAsync(Bound);
        Assert.Equal(joined.RoomId, resumed.RoomId);
        await client.SendInputAsync(1, 1, 0);
        await client.WaitForSnapshotAsync(s => s.Players.Single(p => p.PlayerId == client.PlayerId).AckSeq == 1, Bound);
        Assert.False(client.Closing.IsCompleted, "the current connection was told to close");
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task Renewal_OfAConnectionTheGrainNoLongerHolds_ClosesItWithDuplicateSession()
    {
        // The first renewal comes 5 s after the first connection attached: long after the steps below (a deactivation
        // and one connection), so the new activation meets the second connection first. The message tells the renewal's
        // close from the grain's own push to a superseded connection, so a race lost would fail, not pass, this test.
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:ObserverRenewInterval"] = "00:00:05" });
        var session = await host.CreateSessionAsync();
        await using var first = await host.ConnectAsync(session, WireProtocol.Json);
        // An invocation is answered only after the hub's OnConnectedAsync, so the connection is attached by then.
        await first.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        await DeactivatePlayerAsync(host, session.PlayerId);
        await using var second = await host.ConnectAsync(session, WireProtocol.Json);

        var closing = await first.Closing.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal("duplicate_session", closing.Reason);
        Assert.Equal("another connection of this player is the current one", closing.Message);
        await first.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await second.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.False(second.Closing.IsCompleted, "the current connection was told to close");
        Assert.Equal(HubConnectionState.Connected, second.Connection.State);
    }

    /// <summary>Deactivates the player's grain: the call completes once the activation has finished deactivating.</summary>
    private static Task DeactivatePlayerAsync(GatewayHost host, string playerId)
    {
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        return grains.GetGrain<IManagementGrain>(0)
            .DeactivateGrain(grains.GetGrain<IPlayerGrain>(playerId).GetGrainId(), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// Asking for the room's state again, as a client-mode gateway does for every connection when its connection to the
/// cluster comes back: a call the cluster refuses (right after a silo stopped, it can still route the player's grain
/// there) is made again, so the player still gets the room's state.
/// </summary>
public sealed class ResyncTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Resync_RefusedTwice_IsMadeAgainAndThePlayerGetsTheRoomsState()
    {
        var refusals = new FailingResyncs(failures: 2);
        await using var host = await GatewayHost.StartAsync(configure: refusals.Install());
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        var joined = await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        var connection = host.App.Services.GetRequiredService<ConnectionRegistry>().Snapshot().Single(c => c.PlayerId == client.PlayerId);

        await connection.ResyncAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);

        var state = await client.WaitForRoomStateAsync(Bound);
        Assert.Equal((joined.RoomId, client.PlayerId), (state.RoomId, state.PlayerId));
        Assert.Equal(3, refusals.Calls);
        Assert.False(client.Closing.IsCompleted, "the connection was told to close");
    }
}

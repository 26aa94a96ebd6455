using System.Diagnostics;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Silo.Tests;

/// <summary>
/// An operator moves a live room to another silo (the console's move): it checkpoints, resumes on the silo named, and
/// its players keep receiving snapshots, without either silo stopping.
/// </summary>
public sealed class MoveRoomTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MoveAsync_ToTheOtherSilo_RoomRunsThere_AndPlayersKeepReceivingSnapshots()
    {
        await using var game = await HandOverCluster.StartAsync(new Dictionary<string, string?>
        {
            ["Arena:RoundDuration"] = "00:10:00",
        });
        var seated = await SeatedRoom.CreateAsync(game.Client);
        var from = game.HostOf(seated.Room) ?? throw new InvalidOperationException("the room is not active");
        var to = game.Cluster.Silos.Single(s => s != from);

        var moving = Stopwatch.GetTimestamp();
        Assert.True(await seated.Room.MoveAsync(to.SiloAddress));

        await Polling.UntilAsync(() => Task.FromResult(game.HostOf(seated.Room)), host => host == to, "the room active on the other silo", TimeSpan.FromSeconds(10));
        foreach (var player in seated.Players)
        {
            await player.Connection.WaitForAsync(s => s.Count(x => x.At > moving) >= 40, "snapshots after the move", TimeSpan.FromSeconds(10));
            var gap = player.Connection.LongestGapSince(moving);
            Report.Measured(output, $"move gap seen by {player.Id}: {gap.TotalMilliseconds:0} ms");
            Assert.True(gap < TimeSpan.FromSeconds(2), $"the longest snapshot gap was {gap.TotalMilliseconds:0} ms");
        }

        var view = await seated.Room.InspectAsync();
        Assert.NotNull(view);
        Assert.Equal(to.SiloAddress.ToParsableString(), view.Silo);
        Assert.Equal(seated.Players.Count, view.Members.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => seated.Room.MoveAsync(to.SiloAddress));
    }
}

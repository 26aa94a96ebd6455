using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Rooms;

[Collection(ShortTimingsClusterCollection.Name)]
public sealed class RoundLifecycleTests(ShortTimingsClusterFixture fixture)
{
    [Fact]
    public async Task RoundEnd_TwoPlayers_RecordsStatsAndLeaderboardThatSurviveReactivation()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(joined.RoomId));
        var seq = await Steering.CollectAsync(alice, room, joined, target: 1);
        // Alice stands still from here: the next round's first snapshot shows the reset, not her next orb.
        await room.SendInputAsync(alice.Id, new InputMessage(seq + 1, 0, 0));

        var ended = await bob.Connection.WaitForEventAsync(ArenaEventTypes.RoundEnded);
        await bob.Connection.WaitForEventAsync(ArenaEventTypes.RoundStarted);
        // Events and snapshots are separate one-way pushes: the round's first snapshot is found by tick, not by arrival.
        var results = await bob.Connection.WaitForAsync(o => o.Snapshots.LastOrDefault(s => s.Phase == RoomPhases.Results), what: "a results snapshot");
        var fresh = await bob.Connection.WaitForAsync(
            o => o.Snapshots.Where(s => s.Tick > results.Tick && s.Phase == RoomPhases.Playing).MinBy(s => s.Tick), what: "the next round's first snapshot");
        await alice.Grain.LeaveRoomAsync();
        await bob.Grain.LeaveRoomAsync();

        Assert.All(fresh.Players, p => Assert.Equal(0, p.Score));

        var standings = ended.Results!;
        Assert.Equal(standings.OrderByDescending(r => r.Score), standings);
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), standings.Select(r => r.PlayerId).Order());
        Assert.Equal("Alice", standings.Single(r => r.PlayerId == alice.Id).Name);
        Assert.True(standings[0].Score >= 1);
        var leaderboard = fixture.Client.GetGrain<ILeaderboardGrain>(0);
        foreach (var player in new[] { alice, bob })
        {
            var score = standings.Single(r => r.PlayerId == player.Id).Score;
            var wins = score == standings[0].Score ? 1 : 0;
            var expected = (1, wins, score, (long)score);
            await Eventually.WaitAsync(
                async () => await player.Grain.GetProfileAsync(),
                p => p is { GamesPlayed: 1 },
                "the round to be recorded");
            await Eventually.WaitAsync(
                () => leaderboard.GetTopAsync(100),
                rows => rows.Any(r => r.PlayerId == player.Id && r.GamesPlayed == 1),
                "the leaderboard row");

            await fixture.Cluster.DeactivateAsync(player.Grain).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            var profile = (await player.Grain.GetProfileAsync())!;
            Assert.Equal(expected, (profile.GamesPlayed, profile.Wins, profile.BestScore, profile.TotalOrbs));
        }

        await fixture.Cluster.DeactivateAsync(leaderboard).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var rows = await leaderboard.GetTopAsync(100);
        var aliceRow = rows.Single(r => r.PlayerId == alice.Id);
        Assert.Equal(("Alice", standings.Single(r => r.PlayerId == alice.Id).Score, 1), (aliceRow.Name, aliceRow.BestScore, aliceRow.GamesPlayed));
        Assert.Contains(rows, r => r.PlayerId == bob.Id);
    }

    [Fact]
    public async Task RoundEnd_SoloPlayer_DoesNotCountTowardGamesPlayedButKeepsBestScore()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        await Steering.CollectAsync(alice, room, joined, target: 1);

        var ended = await alice.Connection.WaitForEventAsync(ArenaEventTypes.RoundEnded);
        var showing = await alice.Connection.WaitForSnapshotAsync(s => s.Phase == RoomPhases.Results);
        await alice.Grain.LeaveRoomAsync();
        var score = ended.Results!.Single().Score;
        var profile = await Eventually.WaitAsync(
            async () => (await alice.Grain.GetProfileAsync())!,
            p => p.TotalOrbs >= score && p.TotalOrbs > 0,
            "the round to be recorded");

        Assert.Equal((0, 0), (profile.GamesPlayed, profile.Wins));
        Assert.Equal(score, profile.BestScore);
        Assert.InRange(showing.RemainingMs, 0, 500);
        Assert.Equal(score, showing.Players.Single().Score);
    }
}

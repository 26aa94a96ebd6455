using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Observability;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Silo.Tests;

/// <summary>
/// Rooms survive the loss of their silo: a graceful stop hands the room over with nothing lost, a kill brings it
/// back from its last checkpoint on the next call. Each test owns its cluster (it stops or kills silos).
/// </summary>
public sealed class HandOverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task StopSilo_HostingALiveRoom_PlayersKeepReceivingSnapshotsWithPositionsAndScores()
    {
        await using var game = await HandOverCluster.StartAsync(new Dictionary<string, string?>
        {
            ["Arena:RoundDuration"] = "00:10:00",
        });
        var seated = await SeatedRoom.CreateAsync(game.Client);
        var host = game.HostOf(seated.Room) ?? throw new InvalidOperationException("the room is not active");
        using var handedOver = new MetricCollector<long>(
            host.SiloHost.Services.GetRequiredService<IMeterFactory>(), GrainTelemetry.MeterName, "orleansgame.rooms.handed_over");

        var stopping = Stopwatch.GetTimestamp();
        await game.Cluster.StopSiloAsync(host, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var stopped = Stopwatch.GetTimestamp();

        foreach (var player in seated.Players)
        {
            // Twenty snapshots that arrived after the old silo was gone: the room runs on the other silo.
            await player.Connection.WaitForAsync(s => s.Count(x => x.At > stopped) >= 20, "snapshots from the surviving silo", TimeSpan.FromSeconds(10));
        }

        Assert.NotEqual(host, game.HostOf(seated.Room));
        var handOver = Assert.Single(handedOver.GetMeasurementSnapshot());
        Assert.Equal(1, handOver.Value);
        Assert.Equal("shutting_down", handOver.Tags["reason"]);
        foreach (var player in seated.Players)
        {
            var gap = player.Connection.LongestGapSince(stopping);
            // The move notice is best effort (a push from a stopping silo may be lost with its gateway); the room also
            // calls itself back, so play must resume either way.
            Report.Measured(output, $"hand-over gap (graceful stop) seen by {player.Id}: {gap.TotalMilliseconds:0} ms (move notices: {player.Connection.MovingNotices})");
            Assert.True(gap < TimeSpan.FromSeconds(2), $"the longest snapshot gap was {gap.TotalMilliseconds:0} ms");
            AssertContinuous(player.Connection.Snapshots, stopping);
        }
    }

    [Fact]
    public async Task StopSilo_HostingALiveRoom_CompactStateStartsANewStreamNumberedFromOne()
    {
        await using var game = await HandOverCluster.StartAsync(new Dictionary<string, string?>
        {
            ["Arena:RoundDuration"] = "00:10:00",
        });
        var gateway = new FrameRecorder();
        var gatewayReference = game.Client.CreateObjectReference<IGatewayObserver>(gateway);
        var player = await SeatedPlayer.RegisterAsync(game.Client, "Cy");
        await player.Grain.AttachAsync(player.Reference, gatewayReference);
        var joined = await player.Grain.CreateRoomAsync(new RoomRequest(null, null, true, new Dictionary<string, string>()));
        var room = game.Client.GetGrain<IRoomGrain>(joined.Result?.RoomId ?? throw new InvalidOperationException($"create failed: {joined.Error}"));
        await gateway.WaitForAsync(f => f.Count >= 5, "frames before the stop", TimeSpan.FromSeconds(10));
        var before = gateway.Frames[0].Stream;
        var host = game.HostOf(room) ?? throw new InvalidOperationException("the room is not active");

        await game.Cluster.StopSiloAsync(host, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await gateway.WaitForAsync(f => f.Count(x => x.Stream != before) >= 5, "frames from the surviving silo", TimeSpan.FromSeconds(10));

        // One stream before, one after, each numbered from 1 without a gap: the new activation's first state follows
        // nothing a gateway has, so every gateway sends its compact connections a keyframe (GatewayFanoutTests).
        var frames = gateway.Frames;
        Assert.Equal(2, frames.Select(f => f.Stream).Distinct().Count());
        foreach (var stream in frames.GroupBy(f => f.Stream))
        {
            var numbers = stream.Select(f => f.Frame).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count).Select(i => (long)i), numbers);
            Assert.All(stream, f => Assert.Equal("""{"x":10,"y":10}""", System.Text.Encoding.UTF8.GetString(f.Steps.Utf8)));
        }
    }

    [Fact]
    public async Task KillSilo_HostingALiveRoom_RoomReturnsFromItsCheckpointWithStatsIntact()
    {
        // Short rounds, so that a finished round has written the players' stats before the kill.
        await using var game = await HandOverCluster.StartAsync(new Dictionary<string, string?>
        {
            ["Arena:RoundDuration"] = "00:00:03",
            ["Arena:ResultsDuration"] = "00:00:01",
        });
        var seated = await SeatedRoom.CreateAsync(game.Client);
        var statsBefore = new Dictionary<string, PlayerProfile>();
        foreach (var player in seated.Players)
        {
            statsBefore[player.Id] = await WaitForProfileAsync(player.Grain, p => p.GamesPlayed >= 1, TimeSpan.FromSeconds(15));
        }

        var host = game.HostOf(seated.Room) ?? throw new InvalidOperationException("the room is not active");
        var lastTick = seated.First.Connection.Last!.Tick;
        var killed = Stopwatch.GetTimestamp();
        await game.Cluster.KillSiloAsync(host, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The next call reactivates the room on the surviving silo from its checkpoint.
        var bound = TimeSpan.FromSeconds(10);
        await CallUntilAnsweredAsync(seated.Room, bound);
        foreach (var player in seated.Players)
        {
            await player.Connection.WaitForAsync(s => s.Any(x => x.At > killed), "a snapshot after the kill", bound - Stopwatch.GetElapsedTime(killed));
        }

        Assert.False(host.IsActive);
        Assert.NotEqual(host, game.HostOf(seated.Room));
        foreach (var player in seated.Players)
        {
            // The restored room resumes after its checkpoint, at or before the last tick the players saw, so its first
            // snapshot is the first since the kill that repeats a tick (snapshots still in flight from the killed silo
            // arrive before it). Only when the checkpoint was that very tick does play follow on without a repeat;
            // then it is the first snapshot after the longest silence since the kill.
            var snapshots = player.Connection.Snapshots;
            var sinceKill = Enumerable.Range(1, snapshots.Count - 1).Where(i => snapshots[i].At > killed).ToList();
            var repeated = sinceKill.Where(i => snapshots[i].Snapshot.Tick <= snapshots.Take(i).Max(s => s.Snapshot.Tick));
            var resumedAt = repeated.Any() ? repeated.First() : sinceKill.MaxBy(i => snapshots[i].At - snapshots[i - 1].At);
            var (first, at) = snapshots[resumedAt];
            var back = Stopwatch.GetElapsedTime(killed, at);
            Report.Measured(output, $"room back after a silo kill for {player.Id}: {back.TotalMilliseconds:0} ms (tick {lastTick} -> {first.Tick})");
            Assert.True(back < bound, $"the room came back after {back.TotalMilliseconds:0} ms");
            Assert.Equal(2, first.Players.Count);

            // From the last checkpoint: the room resumes after a tick the players saw, no further ahead than play had
            // got and no older than one checkpoint interval.
            var seen = snapshots.Take(resumedAt).Select(x => x.Snapshot).ToList();
            var lastSeen = seen.Max(x => x.Tick);
            Assert.InRange(first.Tick - 1, lastSeen - CheckpointTicks - 1, lastSeen);
            var checkpointed = seen.LastOrDefault(x => x.Tick <= first.Tick - 1)
                ?? throw new Xunit.Sdk.XunitException($"no snapshot before the kill at or before tick {first.Tick - 1}");
            AssertResumedFrom(checkpointed, first);

            var statsAfter = await WaitForProfileAsync(player.Grain, _ => true, TimeSpan.FromSeconds(15));
            var before = statsBefore[player.Id];
            Assert.True(statsAfter.GamesPlayed >= before.GamesPlayed, $"games played went from {before.GamesPlayed} to {statsAfter.GamesPlayed}");
            Assert.True(statsAfter.Wins >= before.Wins);
            Assert.True(statsAfter.BestScore >= before.BestScore);
            Assert.True(statsAfter.TotalOrbs >= before.TotalOrbs);
            Assert.Equal(before.CreatedAt, statsAfter.CreatedAt);
        }
    }

    /// <summary>The default checkpoint interval (5 s) in ticks.</summary>
    private const long CheckpointTicks = 100;

    /// <summary>
    /// The room came back with the positions and scores it had at <paramref name="checkpointed"/>: every player within
    /// the ticks since of full-speed movement of where it was, every score that much ahead at most (an orb a tick).
    /// </summary>
    private static void AssertResumedFrom(Snapshot checkpointed, Snapshot first)
    {
        var ticks = first.Tick - checkpointed.Tick;
        Assert.InRange(ticks, 1, 3);
        foreach (var was in checkpointed.Players)
        {
            var now = Assert.Single(first.Players, p => p.PlayerId == was.PlayerId);

            // Speed 200 units/s, per tick of 50 ms, plus wire rounding.
            var moved = Math.Sqrt(Math.Pow(now.X - was.X, 2) + Math.Pow(now.Y - was.Y, 2));
            Assert.True(moved <= ticks * 200 * Tick.TotalSeconds + 0.2, $"player {was.PlayerId} is {moved:0.0} units from its checkpointed position after {ticks} ticks");
            if (first.Phase == checkpointed.Phase)
            {
                Assert.InRange(now.Score, was.Score, was.Score + ticks);
            }
        }
    }

    /// <summary>Across the hand-over the game continued: ticks in sequence, positions one step apart, scores kept.</summary>
    private static void AssertContinuous(IReadOnlyList<(Snapshot Snapshot, long At)> snapshots, long since)
    {
        var gapIndex = Enumerable.Range(1, snapshots.Count - 1)
            .Where(i => snapshots[i].At > since)
            .MaxBy(i => snapshots[i].At - snapshots[i - 1].At);
        var before = snapshots[gapIndex - 1].Snapshot;
        var after = snapshots[gapIndex].Snapshot;
        var ticks = after.Tick - before.Tick;
        Assert.InRange(ticks, 1, 3);
        Assert.Equal(before.Phase, after.Phase);
        foreach (var was in before.Players)
        {
            var now = Assert.Single(after.Players, p => p.PlayerId == was.PlayerId);

            // Speed 200 units/s, steering at most 0.12 of it, per tick of 50 ms, plus wire rounding.
            var moved = Math.Sqrt(Math.Pow(now.X - was.X, 2) + Math.Pow(now.Y - was.Y, 2));
            Assert.True(moved <= ticks * 200 * 0.12 * Tick.TotalSeconds + 0.2, $"player {was.PlayerId} jumped {moved:0.0} units over {ticks} ticks");
            Assert.True(now.Score >= was.Score, $"player {was.PlayerId}'s score fell from {was.Score} to {now.Score}");
            Assert.Equal(was.AckSeq, now.AckSeq);
        }
    }

    private static async Task<PlayerProfile> WaitForProfileAsync(IPlayerGrain player, Func<PlayerProfile, bool> done, TimeSpan timeout) =>
        (await Polling.UntilAsync(
            () => player.GetProfileAsync().WaitAsync(TimeSpan.FromSeconds(3)),
            profile => profile is not null && done(profile),
            "the profile's expected state",
            timeout,

            // The player's silo may just have died; the next call activates it elsewhere.
            static e => e is TimeoutException or OrleansException or SiloUnavailableException))!;

    private static async Task CallUntilAnsweredAsync(IRoomGrain room, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await room.GetInfoAsync().WaitAsync(TimeSpan.FromSeconds(2));
                return;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException && clock.Elapsed < timeout)
            {
                // Until membership has declared the silo dead, calls to its grains fail or time out.
            }
        }
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Rooms;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Silo.Tests;

/// <summary>
/// The room's checkpoint against a real Redis that stalls or is written by someone else: play never waits for
/// storage, the checkpoint catches up when storage is back, and an activation whose storage was written behind its
/// back stops. Each test owns its cluster and its Redis.
/// </summary>
public sealed class CheckpointStorageTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Arena:RoundDuration"] = "00:10:00",
        ["Arena:CheckpointInterval"] = "00:00:00.5",
        // The test connections answer no pings; they must stay connected for the whole test.
        ["Ping:Timeout"] = "00:05:00",
    };

    [Fact]
    public async Task RedisPaused_UnderALiveRoom_SnapshotsKeepTheirRateAndTheCheckpointResumesAfter()
    {
        await using var game = await HandOverCluster.StartAsync(Settings);
        var seated = await SeatedRoom.CreateAsync(game.Client);
        var before = await WaitForStoredTickAsync(game, seated.Room, tick => tick > 0, TimeSpan.FromSeconds(10));

        // Longer than StackExchange.Redis' 5 s timeout: writes fail while it lasts, and the one that timed out runs late.
        var paused = Stopwatch.GetTimestamp();
        game.Redis.Pause();
        try
        {
            await seated.First.Connection.WaitForAsync(
                s => s.Count > 0 && Stopwatch.GetElapsedTime(paused, s[^1].At) > TimeSpan.FromSeconds(7), "seven seconds of play with Redis paused", TimeSpan.FromSeconds(20));
        }
        finally
        {
            game.Redis.Resume();
        }

        var resumed = Stopwatch.GetTimestamp();
        var pausedFor = Stopwatch.GetElapsedTime(paused, resumed);
        foreach (var player in seated.Players)
        {
            var during = player.Connection.Snapshots.Count(s => s.At >= paused && s.At <= resumed);
            var gap = player.Connection.LongestGapSince(paused);
            Report.Measured(output, $"Redis paused {pausedFor.TotalSeconds:0.0} s: {player.Id} got {during} snapshots ({during / pausedFor.TotalSeconds:0.0}/s), longest gap {gap.TotalMilliseconds:0} ms");

            // 20 a second when nothing waits; the bounds are sanity bounds for a busy machine, far from a tick that waits on Redis.
            Assert.True(during >= pausedFor.TotalSeconds * 10, $"only {during} snapshots in {pausedFor.TotalSeconds:0.0} s with Redis paused");
            Assert.True(gap < TimeSpan.FromSeconds(1), $"a {gap.TotalMilliseconds:0} ms gap with Redis paused");
        }

        var tickAtResume = seated.First.Connection.Last!.Tick;
        var after = await WaitForStoredTickAsync(game, seated.Room, tick => tick > tickAtResume, TimeSpan.FromSeconds(30));
        Report.Measured(output, $"stored checkpoint tick: {before} before the pause, {after} after (the room was at {tickAtResume} when Redis came back)");
        Assert.True(after > tickAtResume);
    }

    [Fact]
    public async Task StorageWrittenBehindTheRoomsBack_StaleActivationStopsAndTheRoomResumesFromStorage()
    {
        await using var game = await HandOverCluster.StartAsync(Settings);
        var seated = await SeatedRoom.CreateAsync(game.Client);
        await WaitForStoredTickAsync(game, seated.Room, tick => tick > 0, TimeSpan.FromSeconds(10));

        // Another writer: the record as another activation would leave it, with the arena far ahead.
        const long Ahead = 1_000_000;
        var storage = Storage(game);
        await Polling.UntilAsync(
            async () =>
            {
                var record = new GrainState<RoomStorage>();
                await storage.ReadStateAsync("room", seated.Room.GetGrainId(), record);
                var modeState = JsonNode.Parse(record.State!.Checkpoint!.State.Utf8)!.AsObject();
                Assert.True(modeState.ContainsKey("tick"), "the arena's state carries its tick");
                modeState["tick"] = Ahead;
                record.State.Checkpoint = record.State.Checkpoint! with { State = new JsonPayload(Encoding.UTF8.GetBytes(modeState.ToJsonString())) };
                record.State.Writer = Guid.NewGuid();
                await storage.WriteStateAsync("room", seated.Room.GetGrainId(), record);
                return true;
            },
            static written => written,
            "a write behind the room's back",
            TimeSpan.FromSeconds(10),
            // The room wrote between this read and write: read again, as any writer with an ETag does.
            transient: static e => e is InconsistentStateException);

        foreach (var player in seated.Players)
        {
            await player.Connection.WaitForAsync(
                s => s.Count(x => x.Snapshot.Tick > Ahead) >= 20, "twenty snapshots of the room resumed from storage", TimeSpan.FromSeconds(15));
            var snapshots = player.Connection.Snapshots;
            var firstResumed = snapshots.ToList().FindIndex(s => s.Snapshot.Tick > Ahead);

            // The stale activation pushes nothing once the room is back from storage.
            Assert.All(snapshots.Skip(firstResumed), s => Assert.True(s.Snapshot.Tick > Ahead, $"a snapshot of tick {s.Snapshot.Tick} after the room resumed"));
        }

        var stored = await WaitForStoredTickAsync(game, seated.Room, tick => tick > Ahead, TimeSpan.FromSeconds(10));
        Assert.True(stored > Ahead);
    }

    private static IGrainStorage Storage(HandOverCluster game) =>
        game.Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>("game");

    /// <summary>Reads the room's stored checkpoint until the arena's tick in it matches.</summary>
    private static async Task<long> WaitForStoredTickAsync(HandOverCluster game, IAddressable room, Func<long, bool> match, TimeSpan timeout)
    {
        var storage = Storage(game);
        return await Polling.UntilAsync(
            async () =>
            {
                var record = new GrainState<RoomStorage>();
                await storage.ReadStateAsync("room", room.GetGrainId(), record);
                return record.State?.Checkpoint is { } checkpoint ? JsonNode.Parse(checkpoint.State.Utf8)!["tick"]!.GetValue<long>() : -1;
            },
            match,
            "the stored checkpoint's tick",
            timeout,
            // Redis may still be answering the backlog of a pause.
            transient: static _ => true);
    }
}

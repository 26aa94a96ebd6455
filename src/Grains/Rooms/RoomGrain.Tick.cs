using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Arena;

namespace OrleansGame.Grains.Rooms;

/// <summary>The tick: step the arena, run the round lifecycle, push one shared snapshot, expire seats, checkpoint.</summary>
internal sealed partial class RoomGrain
{
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (arena is null)
        {
            return;
        }

        var tickStart = time.GetTimestamp();
        metrics.TickLate(tickSchedule!.LatenessAt(tickStart));
        var events = arena.Step(options.TickInterval.TotalSeconds);
        if ((events & StepEvents.RoundEnded) != 0)
        {
            EndRound();
        }

        if ((events & StepEvents.RoundStarted) != 0)
        {
            BroadcastEvent(new RoomEvent(RoomEventTypes.RoundStarted), except: null);
            ReportOccupancy();
            checkpointDue = true;
        }

        if (members.Count > 0)
        {
            metrics.SnapshotsPushed(PushSnapshot(BuildSnapshot(withMovedOrbs: true)));
        }

        var now = time.GetUtcNow();
        ReleaseExpiredSeats(now);
        if (members.Count == 0 && emptySince is { } since && now - since >= options.EmptyRoomDisposeAfter)
        {
            await DisposeRoomAsync();
            return;
        }

        if (now - lastCheckpointAt >= options.CheckpointInterval)
        {
            // Reported periodically as well as on changes, so a matchmaker that lost its activation relearns the rooms.
            ReportOccupancy();
            await WriteCheckpointAsync();
        }
        else if (checkpointDue)
        {
            await WriteCheckpointAsync();
        }

        metrics.TickCompleted(time.GetElapsedTime(tickStart));

        // A change made inside the callback applies when it returns, in place of the period.
        tickTimer?.Change(tickSchedule.Advance(), options.TickInterval);
    }

    private void EndRound()
    {
        var players = arena!.Players;
        var results = new RoundResult[players.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new RoundResult(players[i].Id, members[players[i].Id].Name, players[i].Score);
        }

        Array.Sort(results, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.PlayerId, b.PlayerId));
        var counted = results.Length >= 2;
        var top = results.Length > 0 ? results[0].Score : 0;
        foreach (var result in results)
        {
            // Everyone tied at the top of a counted round wins it; a round nobody scored in has no winner.
            var stats = new RoundStats(RoomId, result.Score, counted, counted && top > 0 && result.Score == top);
            _ = GrainFactory.GetGrain<IPlayerGrain>(result.PlayerId).RecordRoundAsync(stats);
        }

        BroadcastEvent(new RoomEvent(RoomEventTypes.RoundEnded, Results: results), except: null);
        ReportOccupancy();
        checkpointDue = true;
        LogRoundEnded(RoomId, results.Length, top);
    }

    private Snapshot BuildSnapshot(bool withMovedOrbs)
    {
        var players = arena!.Players;
        var states = new PlayerState[players.Count];
        for (var i = 0; i < states.Length; i++)
        {
            var player = players[i];
            var member = members[player.Id];
            states[i] = new PlayerState(player.Id, Round(player.X), Round(player.Y), player.Score, member.LastSeq, member.RttMs, player.Away);
        }

        IReadOnlyList<OrbState> orbs = [];
        var moved = arena.MovedOrbs;
        if (withMovedOrbs && !moved.IsEmpty)
        {
            var changed = new OrbState[moved.Length];
            for (var i = 0; i < changed.Length; i++)
            {
                var orb = arena.Orbs[moved[i]];
                changed[i] = new OrbState(moved[i], Round(orb.X), Round(orb.Y));
            }

            orbs = changed;
        }

        var remainingMs = (int)Math.Ceiling(Math.Max(0, arena.PhaseRemainingSeconds) * 1000);
        return new Snapshot(RoomId, arena.Tick, time.GetUtcNow().ToUnixTimeMilliseconds(), PhaseName(), remainingMs, states, orbs);
    }

    private async Task DisposeRoomAsync()
    {
        LogDisposing(RoomId);
        tickTimer?.Dispose();
        tickTimer = null;
        arena = null;
        metrics.RoomDeactivated();
        _ = Matchmaker.RemoveRoomAsync(RoomId);
        await storage.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    private static double Round(double value) => Math.Round(value * 10) / 10;
}

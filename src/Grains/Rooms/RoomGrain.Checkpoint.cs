using OrleansGame.Grains.Arena;

namespace OrleansGame.Grains.Rooms;

/// <summary>The checkpoint: capture, write, and restore after a reactivation (possibly on another silo).</summary>
internal sealed partial class RoomGrain
{
    private async Task WriteCheckpointAsync()
    {
        if (arena is null)
        {
            return;
        }

        storage.State.Opened = true;
        storage.State.Checkpoint = Capture();
        checkpointDue = false;
        lastCheckpointAt = time.GetUtcNow();
        try
        {
            await storage.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // A failed checkpoint must not stop play; the next one retries.
            checkpointDue = true;
            LogCheckpointFailed(RoomId, ex);
        }
    }

    private RoomCheckpoint Capture()
    {
        var players = arena!.Players;
        var memberStates = new MemberCheckpoint[players.Count];
        for (var i = 0; i < memberStates.Length; i++)
        {
            var p = players[i];
            var m = members[p.Id];
            memberStates[i] = new MemberCheckpoint(p.Id, m.Name, m.LastSeq, m.RttMs, m.AwaySince, m.Observer, p.X, p.Y, p.Dx, p.Dy, p.Score, m.Gateway);
        }

        var orbs = arena.Orbs;
        var orbStates = new OrbCheckpoint[orbs.Length];
        for (var i = 0; i < orbStates.Length; i++)
        {
            orbStates[i] = new OrbCheckpoint(orbs[i].X, orbs[i].Y);
        }

        return new RoomCheckpoint(isPrivate, arena.Tick, (int)arena.Phase, arena.PhaseRemainingSeconds, arena.RandomState, memberStates, orbStates, emptySince);
    }

    private void Restore(RoomCheckpoint checkpoint)
    {
        isPrivate = checkpoint.IsPrivate;
        arena = new ArenaSimulation(options, checkpoint.RandomState);
        var phase = checkpoint.Phase == (int)ArenaPhase.Results ? ArenaPhase.Results : ArenaPhase.Playing;
        arena.RestoreClock(checkpoint.Tick, phase, checkpoint.PhaseRemainingSeconds, checkpoint.RandomState);
        for (var i = 0; i < checkpoint.Orbs.Count; i++)
        {
            arena.RestoreOrb(i, checkpoint.Orbs[i].X, checkpoint.Orbs[i].Y);
        }

        members.Clear();
        foreach (var m in checkpoint.Members)
        {
            arena.RestorePlayer(m.PlayerId, m.X, m.Y, m.Dx, m.Dy, m.Score, away: m.AwaySince is not null);
            members[m.PlayerId] = new RoomMember(m.PlayerId, m.Name)
            {
                LastSeq = m.LastSeq,
                RttMs = m.RttMs,
                AwaySince = m.AwaySince,
                Observer = m.Observer,
                Gateway = m.Gateway,
            };
        }

        emptySince = members.Count == 0 ? checkpoint.EmptySince ?? time.GetUtcNow() : null;
    }
}

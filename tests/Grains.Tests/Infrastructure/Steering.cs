using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Drives a test player around the arena.</summary>
public static class Steering
{
    /// <summary>Steers toward the nearest orb, re-aiming on every snapshot, until the score reaches <paramref name="target"/>; returns the last sequence used.</summary>
    public static async Task<long> CollectAsync(TestPlayer player, IRoomGrain room, ArenaJoinResult joined, int target, long seq = 0)
    {
        var orbs = joined.Orbs.ToDictionary(o => o.Id);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            var snapshots = player.Connection.Snapshots;
            for (; seen < snapshots.Count; seen++)
            {
                foreach (var orb in snapshots[seen].Orbs)
                {
                    orbs[orb.Id] = orb;
                }
            }

            var me = snapshots.Count > 0 ? snapshots[^1].Players.Single(p => p.PlayerId == player.Id) : joined.Snapshot.Players.Single(p => p.PlayerId == player.Id);
            if (me.Score >= target)
            {
                return seq;
            }

            var nearest = orbs.Values.MinBy(o => Math.Pow(o.X - me.X, 2) + Math.Pow(o.Y - me.Y, 2))!;
            var (dx, dy) = (nearest.X - me.X, nearest.Y - me.Y);
            var length = Math.Max(Math.Sqrt((dx * dx) + (dy * dy)), 1e-9);
            await room.SendInputAsync(player.Id, new InputMessage(++seq, dx / length, dy / length));
            var count = snapshots.Count;
            await player.Connection.WaitForAsync(o => o.Snapshots.Count > count ? o : null, what: "the next snapshot");
        }

        throw new TimeoutException($"player {player.Id} did not reach {target} points");
    }

    /// <summary>Stops the player and waits until a snapshot acknowledges it (the room applies it at its next tick).</summary>
    public static async Task<PlayerState> StopAsync(TestPlayer player, IRoomGrain room, long seq)
    {
        await room.SendInputAsync(player.Id, new InputMessage(seq, 0, 0));
        var snapshot = await player.Connection.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == player.Id && p.AckSeq == seq), what: $"ackSeq {seq}");
        return snapshot.Players.Single(p => p.PlayerId == player.Id);
    }
}

using Microsoft.Extensions.Options;
using OrleansGame.Grains.Options;

namespace OrleansGame.Grains.Matchmaking;

/// <summary>
/// How many partitions the quick joins of this silo's players spread over: one while they are few, one more for each
/// <see cref="MatchmakingOptions.JoinsPerPartition"/> joins a second, up to <see cref="Max"/>. Counted per silo over
/// one-second windows, without a timer; safe to call from any grain.
/// </summary>
internal sealed class MatchmakingPartitions(IOptions<MatchmakingOptions> options, IClusterMembershipService membership, TimeProvider time)
{
    private readonly Lock gate = new();
    private long windowStart = time.GetTimestamp();
    private int inWindow;
    private int lastWindow;

    /// <summary>The most partitions a pool may have now: the configured number, or four per active silo.</summary>
    public int Max =>
        options.Value.MaxPartitions > 0
            ? options.Value.MaxPartitions
            : 4 * Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(static m => m.Status == SiloStatus.Active));

    /// <summary>Counts one join and returns the number of partitions to draw its partition from.</summary>
    public int CountJoin()
    {
        int rate;
        lock (gate)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(windowStart, now);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                lastWindow = elapsed < TimeSpan.FromSeconds(2) ? inWindow : 0;
                inWindow = 0;
                windowStart = now;
            }

            inWindow++;
            rate = Math.Max(lastWindow, inWindow);
        }

        return Math.Clamp(1 + ((rate - 1) / options.Value.JoinsPerPartition), 1, Max);
    }
}

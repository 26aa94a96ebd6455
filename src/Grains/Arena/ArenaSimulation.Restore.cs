namespace OrleansGame.Grains.Arena;

/// <summary>Restoring an arena from a checkpoint.</summary>
public sealed partial class ArenaSimulation
{
    /// <summary>Restores the round clock, tick count and generator state.</summary>
    public void RestoreClock(long tick, ArenaPhase phase, double phaseRemainingSeconds, ulong randomState)
    {
        Tick = tick;
        Phase = phase;
        PhaseRemainingSeconds = double.IsFinite(phaseRemainingSeconds) ? phaseRemainingSeconds : 0;
        random = new ArenaRandom(randomState);
    }

    /// <summary>Puts orb <paramref name="id"/> at a checkpointed position (clamped to the world); unknown ids are ignored.</summary>
    public void RestoreOrb(int id, double x, double y)
    {
        if ((uint)id < (uint)orbs.Length)
        {
            orbs[id] = new ArenaOrb(Clamp(x, orbRadius, width - orbRadius), Clamp(y, orbRadius, height - orbRadius));
        }
    }

    /// <summary>Adds (or overwrites) a player from a checkpoint, clamped to the world.</summary>
    public ArenaPlayer RestorePlayer(string id, double x, double y, double dx, double dy, int score, bool away)
    {
        var player = AddPlayer(id);
        player.X = Clamp(x, playerRadius, width - playerRadius);
        player.Y = Clamp(y, playerRadius, height - playerRadius);
        player.Score = Math.Max(0, score);
        player.Away = away;
        player.SetIntent(away ? 0 : dx, away ? 0 : dy);
        return player;
    }

    private static double Clamp(double value, double min, double max) =>
        double.IsFinite(value) ? Math.Clamp(value, min, max) : min;
}

using System.Text.Json;

namespace OrleansGame.Arena.Simulation;

/// <summary>Restoring an arena: piece by piece, or whole from its checkpoint.</summary>
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

    /// <summary>
    /// Adds (or overwrites) a player from a checkpoint, clamped to the world. Unlike <see cref="AddPlayer"/> it draws
    /// nothing from the generator, so a restored clock's sequence stays where it was.
    /// </summary>
    public ArenaPlayer RestorePlayer(string id, double x, double y, double dx, double dy, int score, bool away, long lastSeq = 0)
    {
        var player = Find(id);
        if (player is null)
        {
            player = new ArenaPlayer(id, 0, 0);
            players.Add(player);
        }

        player.X = Clamp(x, playerRadius, width - playerRadius);
        player.Y = Clamp(y, playerRadius, height - playerRadius);
        player.Score = Math.Max(0, score);
        player.Away = away;
        player.LastSeq = Math.Max(0, lastSeq);
        player.RestoreIntent(away ? 0 : dx, away ? 0 : dy);
        return player;
    }

    /// <summary>Everything needed to continue exactly here: rules, clock, generator, players and orbs.</summary>
    internal ArenaCheckpoint Capture()
    {
        var playerStates = new PlayerCheckpoint[players.Count];
        for (var i = 0; i < playerStates.Length; i++)
        {
            var p = players[i];
            playerStates[i] = new PlayerCheckpoint(p.Id, p.X, p.Y, p.Dx, p.Dy, p.Score, p.Away, p.LastSeq);
        }

        return new ArenaCheckpoint(Rules, Tick, (int)Phase, PhaseRemainingSeconds, RandomState, playerStates, orbs.ToArray());
    }

    /// <summary>The arena <paramref name="checkpoint"/> was captured from, as it was then.</summary>
    /// <exception cref="JsonException">The checkpoint has no rules.</exception>
    internal static ArenaSimulation Restore(ArenaCheckpoint checkpoint)
    {
        var rules = checkpoint.Rules ?? throw new JsonException("an arena checkpoint needs its rules");
        var orbStates = checkpoint.Orbs ?? [];
        var playerStates = checkpoint.Players ?? [];
        var arena = new ArenaSimulation(rules, orbStates.Count);
        var phase = checkpoint.Phase == (int)ArenaPhase.Results ? ArenaPhase.Results : ArenaPhase.Playing;
        arena.RestoreClock(checkpoint.Tick, phase, checkpoint.PhaseRemainingSeconds, checkpoint.RandomState);
        for (var i = 0; i < orbStates.Count; i++)
        {
            arena.RestoreOrb(i, orbStates[i].X, orbStates[i].Y);
        }

        foreach (var p in playerStates)
        {
            if (p?.Id is { } id)
            {
                arena.RestorePlayer(id, p.X, p.Y, p.Dx, p.Dy, p.Score, p.Away, p.LastSeq);
            }
        }

        return arena;
    }

    private static double Clamp(double value, double min, double max) =>
        double.IsFinite(value) ? Math.Clamp(value, min, max) : min;
}

namespace OrleansGame.Arena.Simulation;

/// <summary>The simulation step: movement, pickups, the round clock.</summary>
public sealed partial class ArenaSimulation
{
    // Phases are whole multiples of the tick in practice; the tolerance keeps summed float steps from adding a tick.
    private const double ClockTolerance = 1e-9;

    /// <summary>
    /// Advances the arena by <paramref name="dt"/> seconds (a non-finite or negative value counts as 0).
    /// In the playing phase players move and collect orbs; in the results phase everything stands still.
    /// </summary>
    public StepEvents Step(double dt)
    {
        if (!double.IsFinite(dt) || dt < 0)
        {
            dt = 0;
        }

        ClearMoved();
        Tick++;
        var events = StepEvents.None;
        PhaseRemainingSeconds -= dt;
        if (Phase == ArenaPhase.Playing)
        {
            MovePlayers(dt);
            CollectOrbs();
            if (PhaseRemainingSeconds <= ClockTolerance)
            {
                Phase = ArenaPhase.Results;
                PhaseRemainingSeconds = resultsSeconds;
                events |= StepEvents.RoundEnded;
            }
        }
        else if (PhaseRemainingSeconds <= ClockTolerance)
        {
            Phase = ArenaPhase.Playing;
            PhaseRemainingSeconds = roundSeconds;
            foreach (var player in players)
            {
                player.Score = 0;
            }

            events |= StepEvents.RoundStarted;
        }

        return events;
    }

    private void MovePlayers(double dt)
    {
        var distance = speed * dt;
        foreach (var player in players)
        {
            if (player.Away || (player.Dx == 0 && player.Dy == 0))
            {
                continue;
            }

            player.X = Math.Clamp(player.X + (player.Dx * distance), playerRadius, width - playerRadius);
            player.Y = Math.Clamp(player.Y + (player.Dy * distance), playerRadius, height - playerRadius);
        }
    }

    private void CollectOrbs()
    {
        var reach = playerRadius + orbRadius;
        var reachSquared = reach * reach;
        foreach (var player in players)
        {
            for (var i = 0; i < orbs.Length; i++)
            {
                var dx = orbs[i].X - player.X;
                var dy = orbs[i].Y - player.Y;
                if ((dx * dx) + (dy * dy) > reachSquared)
                {
                    continue;
                }

                player.Score += orbValue;
                orbs[i] = FreeOrbPosition();
                if (!orbMoved[i])
                {
                    orbMoved[i] = true;
                    movedOrbs[movedCount++] = i;
                }
            }
        }
    }

    private void ClearMoved()
    {
        for (var i = 0; i < movedCount; i++)
        {
            orbMoved[movedOrbs[i]] = false;
        }

        movedCount = 0;
    }

    private ArenaOrb FreeOrbPosition()
    {
        var clearance = playerRadius + orbRadius;
        var x = 0.0;
        var y = 0.0;
        for (var attempt = 0; attempt < SpawnAttempts; attempt++)
        {
            x = random.Between(orbRadius, width - orbRadius);
            y = random.Between(orbRadius, height - orbRadius);
            if (IsClearOfPlayers(x, y, clearance) && IsClearOfOrbs(x, y, 2 * orbRadius))
            {
                break;
            }
        }

        return new ArenaOrb(x, y);
    }

    private (double X, double Y) FreePlayerPosition()
    {
        var x = 0.0;
        var y = 0.0;
        for (var attempt = 0; attempt < SpawnAttempts; attempt++)
        {
            x = random.Between(playerRadius, width - playerRadius);
            y = random.Between(playerRadius, height - playerRadius);
            if (IsClearOfPlayers(x, y, 2 * playerRadius))
            {
                break;
            }
        }

        return (x, y);
    }

    private bool IsClearOfPlayers(double x, double y, double clearance)
    {
        foreach (var player in players)
        {
            var dx = player.X - x;
            var dy = player.Y - y;
            if ((dx * dx) + (dy * dy) <= clearance * clearance)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsClearOfOrbs(double x, double y, double clearance)
    {
        foreach (var orb in orbs)
        {
            // Orbs not yet placed sit at the origin; at worst they make a corner look taken and another draw follows.
            var dx = orb.X - x;
            var dy = orb.Y - y;
            if ((dx * dx) + (dy * dy) <= clearance * clearance)
            {
                return false;
            }
        }

        return true;
    }
}

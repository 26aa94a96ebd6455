namespace OrleansGame.Arena.Simulation;

/// <summary>A player in the arena: position, steering intent, score and whether the connection is away.</summary>
public sealed class ArenaPlayer(string id, double x, double y)
{
    /// <summary>The player's id.</summary>
    public string Id { get; } = id;

    /// <summary>The centre's x coordinate.</summary>
    public double X { get; internal set; } = x;

    /// <summary>The centre's y coordinate.</summary>
    public double Y { get; internal set; } = y;

    /// <summary>The x component of the steering intent; the intent vector is never longer than 1.</summary>
    public double Dx { get; private set; }

    /// <summary>The y component of the steering intent.</summary>
    public double Dy { get; private set; }

    /// <summary>Points collected this round.</summary>
    public int Score { get; internal set; }

    /// <summary>Whether the player's connection is gone (the seat is held, the player stands still).</summary>
    public bool Away { get; internal set; }

    /// <summary>The sequence number of the last input applied (0 before any), sent back to the player as <c>ackSeq</c>.</summary>
    public long LastSeq { get; internal set; }

    /// <summary>
    /// Sets the steering intent, defending the simulation whatever it is given: non-finite components mean
    /// "stand still", and a vector longer than 1 is scaled to length 1 without overflowing.
    /// </summary>
    public void SetIntent(double dx, double dy)
    {
        if (!double.IsFinite(dx) || !double.IsFinite(dy))
        {
            (Dx, Dy) = (0, 0);
            return;
        }

        var largest = Math.Max(Math.Abs(dx), Math.Abs(dy));
        if (largest > 1)
        {
            dx /= largest;
            dy /= largest;
        }

        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length > 1)
        {
            dx /= length;
            dy /= length;
        }

        (Dx, Dy) = (dx, dy);
    }

    /// <summary>
    /// Sets an intent read from a checkpoint as it was: it was normalised when first set, and normalising it again
    /// could change its last bit and so the restored arena's course. Anything else goes through <see cref="SetIntent"/>.
    /// </summary>
    internal void RestoreIntent(double dx, double dy)
    {
        if (double.IsFinite(dx) && double.IsFinite(dy) && (dx * dx) + (dy * dy) <= 1 + 1e-9)
        {
            (Dx, Dy) = (dx, dy);
            return;
        }

        SetIntent(dx, dy);
    }
}

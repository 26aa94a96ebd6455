namespace OrleansGame.Arena.Simulation;

/// <summary>
/// A small seeded generator (SplitMix64) whose whole state is one number, so a checkpoint can carry it and a
/// restored arena draws the same positions the original would have.
/// </summary>
internal struct ArenaRandom(ulong state)
{
    /// <summary>The generator's state; restoring it restores the sequence.</summary>
    public ulong State { readonly get; private set; } = state;

    /// <summary>The next number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The next number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    private ulong NextUInt64()
    {
        State += 0x9E3779B97F4A7C15UL;
        var z = State;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

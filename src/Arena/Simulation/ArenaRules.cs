namespace OrleansGame.Arena.Simulation;

/// <summary>The numbers an arena plays by, taken from <see cref="ArenaOptions"/> when it is created.</summary>
/// <param name="WorldWidth">The world's width in units.</param>
/// <param name="WorldHeight">The world's height in units.</param>
/// <param name="PlayerRadius">A player's radius.</param>
/// <param name="OrbRadius">An orb's radius.</param>
/// <param name="PlayerSpeed">A player's speed in units per second.</param>
/// <param name="OrbValue">Points an orb is worth.</param>
/// <param name="RoundSeconds">How long the playing phase lasts.</param>
/// <param name="ResultsSeconds">How long the results phase lasts.</param>
internal sealed record ArenaRules(
    double WorldWidth,
    double WorldHeight,
    double PlayerRadius,
    double OrbRadius,
    double PlayerSpeed,
    int OrbValue,
    double RoundSeconds,
    double ResultsSeconds)
{
    /// <summary>The rules <paramref name="options"/> describe.</summary>
    public static ArenaRules From(ArenaOptions options) => new(
        options.WorldWidth,
        options.WorldHeight,
        options.PlayerRadius,
        options.OrbRadius,
        options.PlayerSpeed,
        options.OrbValue,
        options.RoundDuration.TotalSeconds,
        options.ResultsDuration.TotalSeconds);
}

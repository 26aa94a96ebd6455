namespace OrleansGame.Arena.Simulation;

/// <summary>An orb's centre.</summary>
/// <param name="X">The x coordinate.</param>
/// <param name="Y">The y coordinate.</param>
public readonly record struct ArenaOrb(double X, double Y);

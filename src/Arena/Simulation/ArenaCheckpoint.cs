namespace OrleansGame.Arena.Simulation;

/// <summary>An arena as its checkpoint holds it: the JSON shape of <see cref="ArenaSimulation"/>.</summary>
/// <param name="Rules">The rules it plays by.</param>
/// <param name="Tick">Ticks simulated.</param>
/// <param name="Phase">The round's phase, the numeric value of <see cref="ArenaPhase"/>.</param>
/// <param name="PhaseRemainingSeconds">Seconds left in the phase.</param>
/// <param name="RandomState">The generator's state, so orbs and players appear where they would have.</param>
/// <param name="Players">The players, in join order.</param>
/// <param name="Orbs">Every orb's exact position; an orb's id is its index.</param>
internal sealed record ArenaCheckpoint(
    ArenaRules Rules,
    long Tick,
    int Phase,
    double PhaseRemainingSeconds,
    ulong RandomState,
    IReadOnlyList<PlayerCheckpoint> Players,
    IReadOnlyList<ArenaOrb> Orbs);

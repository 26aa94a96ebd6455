namespace OrleansGame.Arena.Simulation;

/// <summary>What happened to the round during one <see cref="ArenaSimulation.Step"/>.</summary>
[Flags]
public enum StepEvents
{
    /// <summary>Nothing but movement and pickups.</summary>
    None = 0,

    /// <summary>The playing phase ended; the scores are the round's results.</summary>
    RoundEnded = 1,

    /// <summary>A new round began and the scores were reset.</summary>
    RoundStarted = 2,
}

namespace OrleansGame.Arena.Simulation;

/// <summary>The phase of a round.</summary>
public enum ArenaPhase
{
    /// <summary>Players move and collect orbs.</summary>
    Playing = 0,

    /// <summary>The round is over; everything stands still while the results are shown.</summary>
    Results = 1,
}

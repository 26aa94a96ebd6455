namespace OrleansGame.Arena;

/// <summary>The phases of an arena room's round, as snapshots and the room list show them.</summary>
public static class RoomPhases
{
    /// <summary>The round is running: players move and collect orbs.</summary>
    public const string Playing = "playing";

    /// <summary>The round is over and its results are shown.</summary>
    public const string Results = "results";
}

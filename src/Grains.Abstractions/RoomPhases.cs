namespace OrleansGame.Grains.Abstractions;

/// <summary>The phases of a room's round, as they appear on the wire.</summary>
public static class RoomPhases
{
    /// <summary>The round is running: players move and collect orbs.</summary>
    public const string Playing = "playing";

    /// <summary>The round is over and its results are shown.</summary>
    public const string Results = "results";
}

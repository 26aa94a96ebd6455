namespace OrleansGame.FourInARow;

/// <summary>How a game ended, as the state's <c>outcome</c> says.</summary>
public static class GameOutcomes
{
    /// <summary>The winner made a line of four.</summary>
    public const string Win = "win";

    /// <summary>The board filled up with no line of four.</summary>
    public const string Draw = "draw";

    /// <summary>The player to move let the turn clock run out; the other wins.</summary>
    public const string Timeout = "timeout";

    /// <summary>A player left the room for good during the game; the other wins.</summary>
    public const string Forfeit = "forfeit";
}

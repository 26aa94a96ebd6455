namespace OrleansGame.FourInARow;

/// <summary>The phases of a Four in a Row room, as its state and the room list show them.</summary>
public static class GamePhases
{
    /// <summary>Fewer than two players: no game yet.</summary>
    public const string Waiting = "waiting";

    /// <summary>A game is running.</summary>
    public const string Playing = "playing";

    /// <summary>The game ended; the players may ask for a rematch.</summary>
    public const string Over = "over";
}

namespace OrleansGame.FourInARow;

/// <summary>The codes of the <c>Error</c>s a Four in a Row room sends when it refuses a move.</summary>
public static class FourInARowErrorCodes
{
    /// <summary>A <c>Drop</c> from the player whose turn it is not.</summary>
    public const string NotYourTurn = "not_your_turn";

    /// <summary>A <c>Drop</c> into a column with no empty cell.</summary>
    public const string ColumnFull = "column_full";

    /// <summary>A <c>Drop</c> with no game running, or a <c>Drop</c> or <c>Rematch</c> from a spectator.</summary>
    public const string NotPlaying = "not_playing";
}

namespace OrleansGame.FourInARow.Rules;

/// <summary>One of the two players of a room: who, which disc, games won in this room, and whether the connection is away.</summary>
public sealed class GamePlayer
{
    /// <summary>The player's id.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The player's disc: 1 moves first.</summary>
    public int Disc { get; set; }

    /// <summary>Games won in this room since the player took the seat.</summary>
    public int Wins { get; set; }

    /// <summary>Whether the connection dropped and the seat is held (the player's clock still runs).</summary>
    public bool Away { get; set; }
}

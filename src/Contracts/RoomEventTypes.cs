namespace OrleansGame.Grains.Abstractions;

/// <summary>The kinds of <see cref="Wire.RoomEvent"/> the host sends for every mode (a mode may send others of its own).</summary>
public static class RoomEventTypes
{
    /// <summary>A player took a seat; carries the player's id and name.</summary>
    public const string PlayerJoined = "player_joined";

    /// <summary>A player left the room or lost the seat.</summary>
    public const string PlayerLeft = "player_left";
}

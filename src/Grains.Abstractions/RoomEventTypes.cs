namespace OrleansGame.Grains.Abstractions;

/// <summary>The kinds of <see cref="Wire.RoomEvent"/>.</summary>
public static class RoomEventTypes
{
    /// <summary>A player took a seat; carries the player's id and name.</summary>
    public const string PlayerJoined = "player_joined";

    /// <summary>A player left the room or lost the seat.</summary>
    public const string PlayerLeft = "player_left";

    /// <summary>A new round began; scores are reset.</summary>
    public const string RoundStarted = "round_started";

    /// <summary>The round ended; carries the results, best first.</summary>
    public const string RoundEnded = "round_ended";
}

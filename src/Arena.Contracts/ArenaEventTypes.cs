namespace OrleansGame.Arena;

/// <summary>
/// The kinds of <c>RoomEvent</c> an arena client receives: the round events the arena sends as
/// <see cref="Wire.ArenaRoomEvent"/>, and the seat changes the room host sends for every mode.
/// </summary>
public static class ArenaEventTypes
{
    /// <summary>A player took a seat (sent by the host); carries the player's id and name.</summary>
    public const string PlayerJoined = "player_joined";

    /// <summary>A player left the room or lost the seat (sent by the host).</summary>
    public const string PlayerLeft = "player_left";

    /// <summary>A new round began; scores are reset.</summary>
    public const string RoundStarted = "round_started";

    /// <summary>The round ended; carries the results, best first.</summary>
    public const string RoundEnded = "round_ended";
}

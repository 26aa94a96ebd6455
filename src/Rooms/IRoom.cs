namespace OrleansGame.Rooms;

/// <summary>
/// The room a hook runs for, as the host presents it to the mode: who is seated, the clock, and the ways to talk to
/// members. Valid only during the call it is passed to.
/// </summary>
public interface IRoom
{
    /// <summary>The room's code.</summary>
    string Id { get; }

    /// <summary>The name the mode is registered under.</summary>
    string Mode { get; }

    /// <summary>Whether the room is joined by code only.</summary>
    bool IsPrivate { get; }

    /// <summary>The properties the room was created with (the matchmaker's filter).</summary>
    IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Ticks run so far; the current tick's number inside <see cref="GameMode{TState}.OnTick"/>.</summary>
    long Tick { get; }

    /// <summary>The time between ticks (1 / <see cref="ModeSettings.TickRate"/>).</summary>
    TimeSpan TickInterval { get; }

    /// <summary>The current time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The seated players, in the order they took their seats.</summary>
    IReadOnlyList<Member> Members { get; }

    /// <summary>
    /// The phase the room list shows (for example <c>waiting</c> or <c>playing</c>). Default <c>playing</c>.
    /// </summary>
    string Phase { get; set; }

    /// <summary>
    /// Whether a game is under way; while it is, a mode whose <see cref="ModeSettings.JoinInProgress"/> is false
    /// takes no new players (they are refused with <c>room_in_progress</c>).
    /// </summary>
    bool InProgress { get; set; }

    /// <summary>The seated player <paramref name="playerId"/>, or null.</summary>
    Member? Find(string playerId);

    /// <summary>Sends a message of <paramref name="type"/> to one member (nothing when it is away or not seated).</summary>
    void Send(string playerId, string type, object payload);

    /// <summary>Sends a message of <paramref name="type"/> to some members.</summary>
    void Send(IEnumerable<string> playerIds, string type, object payload);

    /// <summary>Sends a message of <paramref name="type"/> to every member, except <paramref name="except"/> when given.</summary>
    void Broadcast(string type, object payload, string? except = null);

    /// <summary>Tells one member that its message was refused: an <c>Error</c> with a stable code and a message.</summary>
    void Reject(string playerId, string code, string message);

    /// <summary>Records one player's result of a finished game: persisted in the player's stats and the leaderboard.</summary>
    void RecordResult(GameResult result);
}

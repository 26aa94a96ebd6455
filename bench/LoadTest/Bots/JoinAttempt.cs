namespace OrleansGame.LoadTest.Bots;

/// <summary>One bot's quick join: when it was sent and answered (<see cref="System.Diagnostics.Stopwatch"/> timestamps,
/// one clock for every process of the machine), and the room, or the failure's code.</summary>
/// <param name="SentAt">Timestamp of the call.</param>
/// <param name="AnsweredAt">Timestamp of the answer (result or failure).</param>
/// <param name="RoomId">The room the bot was seated in, null on failure.</param>
/// <param name="Capacity">The room's capacity from the <c>JoinResult</c>.</param>
/// <param name="RosterSize">Players in the room's roster as the <c>JoinResult</c> listed them (the bot included).</param>
/// <param name="Failure">The failure's code, null on success.</param>
internal sealed record JoinAttempt(long SentAt, long AnsweredAt, string? RoomId, int Capacity, int RosterSize, string? Failure)
{
    /// <summary>
    /// The error code of a hub failure's message: the server's messages start with the code and a colon
    /// (<c>room_full: room k3x9qa is full</c>), possibly after SignalR's own prefix ending in <c>HubException: </c>.
    /// </summary>
    public static string CodeOf(string message)
    {
        const string Prefix = "HubException: ";
        var at = message.LastIndexOf(Prefix, StringComparison.Ordinal);
        var text = at < 0 ? message : message[(at + Prefix.Length)..];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && text[..colon].All(static c => char.IsAsciiLetterLower(c) || c == '_') ? text[..colon] : "hub_error";
    }
}

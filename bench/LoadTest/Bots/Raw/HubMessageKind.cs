namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>What a frame from the server is, as far as a bot cares (SignalR message types and the game's targets).</summary>
internal enum HubMessageKind
{
    /// <summary>Anything a bot ignores (a room event, a stream item, an invocation of another target).</summary>
    Other,

    /// <summary>An invocation of <c>Snapshot</c>.</summary>
    Snapshot,

    /// <summary>An invocation of <c>Keyframe</c> (compact state: the whole state); read as a <see cref="Snapshot"/>.</summary>
    Keyframe,

    /// <summary>An invocation of <c>Delta</c> (compact state: what changed); read as a <see cref="Snapshot"/>.</summary>
    Delta,

    /// <summary>An invocation of <c>Ping</c> (the game's ping, which the bot answers with <c>Pong</c>).</summary>
    GamePing,

    /// <summary>An invocation of <c>Error</c>.</summary>
    Error,

    /// <summary>An invocation of <c>Closing</c>.</summary>
    Closing,

    /// <summary>A completion of an invocation the bot made (SignalR type 3).</summary>
    Completion,

    /// <summary>SignalR's keep-alive ping (type 6).</summary>
    KeepAlive,

    /// <summary>SignalR's close (type 7).</summary>
    Close,
}

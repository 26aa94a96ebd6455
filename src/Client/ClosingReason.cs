namespace OrleansGame.Client;

/// <summary>Why the server closed the connection (<c>Closing.reason</c>, docs/protocol.md section 3).</summary>
public enum ClosingReason
{
    /// <summary>A reason this SDK does not know (a newer server); see <see cref="ClosingEventArgs.Code"/>.</summary>
    Unknown,

    /// <summary><c>server_shutdown</c>: the gateway is stopping; the SDK reconnects (to another gateway, or later).</summary>
    ServerShutdown,

    /// <summary><c>ping_timeout</c>: a ping went unanswered for too long.</summary>
    PingTimeout,

    /// <summary><c>flood</c>: the connection kept sending over its limits; the SDK does not reconnect.</summary>
    Flood,

    /// <summary><c>duplicate_session</c>: the same player connected again elsewhere; the SDK does not reconnect.</summary>
    DuplicateSession,

    /// <summary><c>kicked</c>: the server removed the player; the SDK does not reconnect.</summary>
    Kicked,
}

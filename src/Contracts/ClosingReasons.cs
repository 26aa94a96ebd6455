namespace OrleansGame.Grains.Abstractions;

/// <summary>Why the server closes a connection; sent in <see cref="Wire.Closing"/> just before it does.</summary>
public static class ClosingReasons
{
    /// <summary>The server is stopping.</summary>
    public const string ServerShutdown = "server_shutdown";

    /// <summary>No pong arrived within the ping timeout.</summary>
    public const string PingTimeout = "ping_timeout";

    /// <summary>The connection kept sending over its rate limits.</summary>
    public const string Flood = "flood";

    /// <summary>A newer connection of the same player took over.</summary>
    public const string DuplicateSession = "duplicate_session";

    /// <summary>The server removed the player.</summary>
    public const string Kicked = "kicked";
}

namespace OrleansGame.Gateway.Hubs;

/// <summary>The client-side method names the server invokes (PROTOCOL.md, server to client).</summary>
internal static class ServerMethods
{
    /// <summary>A room's snapshot of one tick.</summary>
    public const string Snapshot = "Snapshot";

    /// <summary>The full room state when a reconnect resumes a seat.</summary>
    public const string RoomState = "RoomState";

    /// <summary>A ping to answer with <c>Pong</c>.</summary>
    public const string Ping = "Ping";

    /// <summary>A chat line of the room.</summary>
    public const string Chat = "Chat";

    /// <summary>A room event.</summary>
    public const string RoomEvent = "RoomEvent";

    /// <summary>A rejected message.</summary>
    public const string Error = "Error";

    /// <summary>Why the server is about to close the connection.</summary>
    public const string Closing = "Closing";
}

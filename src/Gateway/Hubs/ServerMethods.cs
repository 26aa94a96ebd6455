namespace OrleansGame.Gateway.Hubs;

/// <summary>
/// The client-side method names the gateway itself invokes (PROTOCOL.md, server to client). A mode's own methods
/// (its state's method, the message types it sends as methods of their own) come with what its rooms push.
/// </summary>
internal static class ServerMethods
{
    /// <summary>A message of the room's mode: <c>Message(type, payload)</c>.</summary>
    public const string Message = "Message";

    /// <summary>The room's state of one tick, for a mode that keeps the default state method.</summary>
    public const string State = "State";

    /// <summary>The whole state in the compact encoding: <c>Keyframe(method, state, steps)</c>.</summary>
    public const string Keyframe = "Keyframe";

    /// <summary>What changed since the connection's last state in the compact encoding: <c>Delta(delta)</c>.</summary>
    public const string Delta = "Delta";

    /// <summary>The full room state when a reconnect resumes a seat.</summary>
    public const string RoomState = "RoomState";

    /// <summary>A ping to answer with <c>Pong</c>.</summary>
    public const string Ping = "Ping";

    /// <summary>A seat change in the room.</summary>
    public const string RoomEvent = "RoomEvent";

    /// <summary>A rejected message.</summary>
    public const string Error = "Error";

    /// <summary>Why the server is about to close the connection.</summary>
    public const string Closing = "Closing";
}

namespace OrleansGame.Client;

/// <summary>The hub methods of the contract (docs/protocol.md, sections 3 and 4).</summary>
public static class ServerMethodNames
{
    /// <summary>Client to server: join a room by code, or quick join.</summary>
    public const string JoinRoom = "JoinRoom";

    /// <summary>Client to server: create a room.</summary>
    public const string CreateRoom = "CreateRoom";

    /// <summary>Client to server: leave the room.</summary>
    public const string LeaveRoom = "LeaveRoom";

    /// <summary>Client to server: a message of the room's mode.</summary>
    public const string Send = "Send";

    /// <summary>Client to server: the answer to a <see cref="Ping"/>.</summary>
    public const string Pong = "Pong";

    /// <summary>Server to client: a ping to answer.</summary>
    public const string Ping = "Ping";

    /// <summary>Server to client: a refused message.</summary>
    public const string Error = "Error";

    /// <summary>Server to client: the connection is about to close.</summary>
    public const string Closing = "Closing";

    /// <summary>Server to client: a mode's message, <c>Message(type, payload)</c>.</summary>
    public const string Message = "Message";

    /// <summary>Server to client: a mode's state after a tick.</summary>
    public const string State = "State";

    /// <summary>Server to client: the join result again, when a reconnect resumed the seat.</summary>
    public const string RoomState = "RoomState";

    /// <summary>Server to client: the arena's state after every tick (its <c>State</c>).</summary>
    public const string Snapshot = "Snapshot";

    /// <summary>Server to client: a seat change (and the arena's rounds).</summary>
    public const string RoomEvent = "RoomEvent";
}

namespace OrleansGame.Gateway.Connections;

/// <summary>The fixed rate-limit buckets of a connection; messages of a room's mode draw from their type's own bucket.</summary>
internal enum MessageCategory
{
    /// <summary><c>JoinRoom</c>, <c>CreateRoom</c> and <c>LeaveRoom</c>.</summary>
    Room,

    /// <summary><c>Pong</c>.</summary>
    Pong,

    /// <summary>Calls SignalR could not bind or of the wrong shape, and messages dropped because the inbound queue was full.</summary>
    Malformed,

    /// <summary>Messages for a mode that have no bucket of their own: sent while not seated, or of a type the room's mode does not declare.</summary>
    Message,
}

namespace OrleansGame.Gateway.Connections;

/// <summary>The rate-limit bucket a client message draws from.</summary>
internal enum MessageCategory
{
    /// <summary><c>Input</c>.</summary>
    Input,

    /// <summary><c>Chat</c>.</summary>
    Chat,

    /// <summary><c>JoinRoom</c>, <c>CreateRoom</c> and <c>LeaveRoom</c>.</summary>
    Room,

    /// <summary><c>Pong</c>.</summary>
    Pong,

    /// <summary>Calls SignalR could not bind, and messages dropped because the inbound queue was full.</summary>
    Malformed,
}

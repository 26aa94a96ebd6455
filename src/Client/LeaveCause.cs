namespace OrleansGame.Client;

/// <summary>Why a <see cref="Room"/> stopped being the player's seat.</summary>
public enum LeaveCause
{
    /// <summary><see cref="Room.LeaveAsync"/> or disposing the room.</summary>
    Left,

    /// <summary>The room's mode failed and the server closed the room (<c>Error{room_failed}</c>).</summary>
    Failed,

    /// <summary>The player joined another room on the same client.</summary>
    Replaced,

    /// <summary>The connection ended for good (the client was disposed, or reconnecting gave up) and the seat with it.</summary>
    Disconnected,
}

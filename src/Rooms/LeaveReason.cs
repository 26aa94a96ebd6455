namespace OrleansGame.Rooms;

/// <summary>Why a member left, as <see cref="GameMode{TState}.OnLeave"/> is told.</summary>
public enum LeaveReason
{
    /// <summary>The connection dropped; the seat is held for <see cref="ModeSettings.SeatHold"/>.</summary>
    Dropped,

    /// <summary>The player left the room.</summary>
    Left,

    /// <summary>The player did not come back within the seat hold; the seat is gone.</summary>
    SeatExpired,
}

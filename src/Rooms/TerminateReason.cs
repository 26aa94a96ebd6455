namespace OrleansGame.Rooms;

/// <summary>Why a room ends, as <see cref="GameMode{TState}.OnTerminate"/> is told.</summary>
public enum TerminateReason
{
    /// <summary>The room stayed empty for <see cref="ModeSettings.EmptyRoomLifetime"/>.</summary>
    Empty,

    /// <summary>A hook of the mode threw; the room is closed and its members released.</summary>
    Failed,

    /// <summary>An operator closed the room; its members were released.</summary>
    Closed,
}

namespace OrleansGame.Grains.Abstractions;

/// <summary>The codes of a room's recent events (<see cref="Wire.RoomLogEntry"/>), whatever its mode.</summary>
public static class RoomLogCodes
{
    /// <summary>The room was opened for its mode.</summary>
    public const string Opened = "room_opened";

    /// <summary>The room resumed from its checkpoint (after a hand-over, a move or a silo's loss).</summary>
    public const string Restored = "room_restored";

    /// <summary>The room's activation deactivates and writes its checkpoint; it resumes from it wherever it is called next.</summary>
    public const string Deactivating = "room_deactivating";

    /// <summary>An operator moves the room to another silo.</summary>
    public const string Moving = "room_moving";

    /// <summary>Nobody is connected: the room's tick sleeps until someone returns.</summary>
    public const string Sleeping = "room_sleeping";

    /// <summary>The mode threw in one of its hooks: the room ends.</summary>
    public const string ModeFailed = "mode_failed";

    /// <summary>The mode changed the room's phase, or started or ended a game.</summary>
    public const string PhaseChanged = "phase_changed";

    /// <summary>A player took a seat.</summary>
    public const string Joined = "member_joined";

    /// <summary>A player was refused a seat (the text carries the error code).</summary>
    public const string Refused = "member_refused";

    /// <summary>A member's connection dropped: the seat is held.</summary>
    public const string Away = "member_away";

    /// <summary>An away member came back to the held seat.</summary>
    public const string Resumed = "member_resumed";

    /// <summary>A member left the room.</summary>
    public const string Left = "member_left";

    /// <summary>A member did not come back within the seat hold: the seat is gone.</summary>
    public const string TimedOut = "member_timed_out";

    /// <summary>An operator kicked a member.</summary>
    public const string Kicked = "member_kicked";
}

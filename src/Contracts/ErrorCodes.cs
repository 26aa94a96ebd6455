namespace OrleansGame.Grains.Abstractions;

/// <summary>The stable, lowercase error codes of the public contract (PROTOCOL.md).</summary>
public static class ErrorCodes
{
    /// <summary>The room already seats its capacity.</summary>
    public const string RoomFull = "room_full";

    /// <summary>No open room has that code.</summary>
    public const string RoomNotFound = "room_not_found";

    /// <summary>The room code is not 6 characters of [a-z0-9].</summary>
    public const string InvalidRoomId = "invalid_room_id";

    /// <summary>The player already holds a seat in a room.</summary>
    public const string AlreadyInRoom = "already_in_room";

    /// <summary>The message was dropped because the connection is over its rate limit.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>An invoke argument is missing or malformed.</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>The player sent a room message without holding a seat in that room.</summary>
    public const string NotInRoom = "not_in_room";

    /// <summary>A session name broke the name rules.</summary>
    public const string InvalidName = "invalid_name";

    /// <summary>No silo runs a mode of that name.</summary>
    public const string UnknownMode = "unknown_mode";

    /// <summary>The room's mode declares no message of that type.</summary>
    public const string UnknownMessage = "unknown_message";

    /// <summary>The payload is larger than its message type allows.</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>The room's game is under way and its mode takes no players meanwhile.</summary>
    public const string RoomInProgress = "room_in_progress";

    /// <summary>The room's mode failed and the room was closed; join another.</summary>
    public const string RoomFailed = "room_failed";

    /// <summary>The silo runs as many rooms as it may; join an existing room or try again later.</summary>
    public const string TooManyRooms = "too_many_rooms";

    /// <summary>An operator closed the room; join another.</summary>
    public const string RoomClosed = "room_closed";
}

using Microsoft.Extensions.Logging;

namespace OrleansGame.Grains.Rooms;

/// <summary>The room's log messages.</summary>
internal sealed partial class RoomGrain
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Room {RoomId} opened for mode {Mode} (private: {IsPrivate})")]
    private partial void LogOpened(string roomId, string mode, bool isPrivate);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Room {RoomId} of mode {Mode} resumed from its checkpoint at tick {Tick} with {Members} members")]
    private partial void LogResumed(string roomId, string mode, long tick, int members);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Room {RoomId} deactivating ({Reason}) at tick {Tick}; writing its checkpoint")]
    private partial void LogDeactivating(string roomId, DeactivationReasonCode reason, long tick);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Room {RoomId} stayed empty and is disposed")]
    private partial void LogDisposing(string roomId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Room {RoomId} could not be restored from its checkpoint (mode {Mode}); it is forgotten")]
    private partial void LogRestoreFailed(string roomId, string mode, Exception? exception);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "Player {PlayerId} joined room {RoomId} ({Members} members)")]
    private partial void LogJoined(string roomId, string playerId, int members);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "Room {RoomId} refused player {PlayerId}: {Code}")]
    private partial void LogRoomRefused(string roomId, string playerId, string code);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Debug, Message = "Player {PlayerId} left room {RoomId} ({Members} members)")]
    private partial void LogLeft(string roomId, string playerId, int members);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Debug, Message = "Player {PlayerId} of room {RoomId} is away; the seat is held")]
    private partial void LogAway(string roomId, string playerId);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Debug, Message = "Player {PlayerId} resumed the seat in room {RoomId}")]
    private partial void LogResumedSeat(string roomId, string playerId);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Room {RoomId} ignored a {Type} message from {PlayerId}, who holds no seat")]
    private partial void LogMessageFromNonMember(string roomId, string playerId, string type);

    [LoggerMessage(EventId = 1130, Level = LogLevel.Error, Message = "Room {RoomId}: the game mode {Mode} threw in {Hook}; the room ends")]
    private partial void LogModeFailed(string roomId, string mode, string hook, Exception exception);

    [LoggerMessage(EventId = 1141, Level = LogLevel.Warning, Message = "Room {RoomId} could not write its checkpoint; play goes on and the next attempt waits {BackOff}")]
    private partial void LogCheckpointFailed(string roomId, TimeSpan backOff, Exception exception);

    [LoggerMessage(EventId = 1142, Level = LogLevel.Warning, Message = "Room {RoomId}: another activation wrote the room's storage; this one stops and the room resumes from what is stored")]
    private partial void LogStale(string roomId, Exception exception);

    [LoggerMessage(EventId = 1143, Level = LogLevel.Warning, Message = "Room {RoomId} could not clear its storage as it ended")]
    private partial void LogClearFailed(string roomId, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Room {RoomId} has nobody connected ({Seats} seats held); its tick sleeps until someone returns")]
    private partial void LogSleeping(string roomId, int seats);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Room {RoomId} was not opened: this silo runs {Rooms} rooms, its maximum (Rooms:MaxPerSilo)")]
    private partial void LogSiloFull(string roomId, int rooms);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Room {RoomId} closed by an operator ({Reason}); {Members} members released")]
    private partial void LogClosedByOperator(string roomId, string reason, int members);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Room {RoomId} moves to silo {Silo} at an operator's request")]
    private partial void LogMoving(string roomId, string silo);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Room {RoomId} waits in its checkpoint: no other silo is active to move to")]
    private partial void LogNoSiloToMoveTo(string roomId);
}

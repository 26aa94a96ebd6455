using Microsoft.Extensions.Logging;

namespace OrleansGame.Grains.Players;

/// <summary>The player's log messages.</summary>
internal sealed partial class PlayerGrain
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Player {PlayerId}: a newer connection replaced the older one")]
    private partial void LogSuperseded(string playerId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Player {PlayerId} did not answer pings in time; closing the connection")]
    private partial void LogPingTimeout(string playerId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Player {PlayerId} disconnected")]
    private partial void LogDisconnected(string playerId);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "Player {PlayerId} took a seat in room {RoomId}")]
    private partial void LogJoinedRoom(string playerId, string roomId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Information, Message = "Player {PlayerId}: the offered room {RoomId} went away before it answered ({Reason}); trying another")]
    private partial void LogRoomCallRejected(string playerId, string roomId, string reason);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Debug, Message = "Player {PlayerId} left room {RoomId}")]
    private partial void LogLeftRoom(string playerId, string roomId);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Debug, Message = "Player {PlayerId} lost the seat in room {RoomId}")]
    private partial void LogSeatReleased(string playerId, string roomId);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Debug, Message = "Player {PlayerId} finished a round in room {RoomId} with {Score} points")]
    private partial void LogRoundRecorded(string playerId, string roomId, int score);

    [LoggerMessage(EventId = 1230, Level = LogLevel.Information, Message = "Player {PlayerId} kicked by an operator ({Reason})")]
    private partial void LogKicked(string playerId, string reason);
}

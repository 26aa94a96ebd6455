using Microsoft.Extensions.Logging;

namespace OrleansGame.Grains.Matchmaking;

/// <summary>The matchmaker's log messages.</summary>
internal sealed partial class MatchmakerGrain
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Matchmaker {Key} offered the new room {RoomId} (private: {IsPrivate})")]
    private partial void LogRoomOffered(string roomId, string key, bool isPrivate);
}

using Microsoft.Extensions.Logging;

namespace OrleansGame.Grains;

/// <summary>The log messages of <see cref="ObserverPush"/>.</summary>
internal static partial class ObserverPush
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "A push to a connection failed")]
    private static partial void LogPushFailed(ILogger logger, Exception? exception);
}

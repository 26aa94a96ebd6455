namespace OrleansGame.Gateway.Observability;

internal sealed partial class MeteredHubLifetimeManager
{
    [LoggerMessage(EventId = 1611, Level = LogLevel.Debug, Message = "Rejected a message of connection {ConnectionId}: {Code}")]
    private static partial void LogErrorSent(ILogger logger, string connectionId, string code);
}

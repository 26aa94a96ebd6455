namespace OrleansGame.Gateway.Observability;

internal sealed partial class GameHubTelemetryFilter
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Setting up hub connection {ConnectionId} failed; it is closed")]
    private static partial void LogConnectFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Debug, Message = "Refused {Method} of connection {ConnectionId}: {Code}")]
    private static partial void LogInvocationRefused(ILogger logger, string method, string connectionId, string? code);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Error, Message = "{Method} of connection {ConnectionId} failed")]
    private static partial void LogInvocationFailed(ILogger logger, string method, string connectionId, Exception exception);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} ended with {Error}")]
    private static partial void LogDisconnectedWithError(ILogger logger, string connectionId, string error);
}

namespace OrleansGame.Gateway.Connections;

internal sealed partial class PlayerConnection
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Player {PlayerId} connected ({ConnectionId})")]
    private static partial void LogConnected(ILogger logger, string playerId, string connectionId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Player {PlayerId} disconnected ({ConnectionId})")]
    private static partial void LogDisconnected(ILogger logger, string playerId, string connectionId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Closing player {PlayerId}'s connection {ConnectionId}: {Reason}")]
    private static partial void LogClosing(ILogger logger, string playerId, string connectionId, string reason);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Debug, Message = "The Closing message to {ConnectionId} was not sent")]
    private static partial void LogClosingNotSent(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Detaching player {PlayerId} from its grain failed")]
    private static partial void LogDetachFailed(ILogger logger, string playerId, Exception exception);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Error, Message = "Forwarding a message of player {PlayerId} to the grains failed")]
    private static partial void LogForwardFailed(ILogger logger, string playerId, Exception exception);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Error, Message = "The inbound service of player {PlayerId} failed; closing the connection")]
    private static partial void LogInboundFailed(ILogger logger, string playerId, Exception exception);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Debug, Message = "Player {PlayerId}'s observer was gone before its grace ended (the host stopped)")]
    private static partial void LogObserverGone(ILogger logger, string playerId, Exception exception);
}

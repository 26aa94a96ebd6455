namespace OrleansGame.Silo.Hosting;

internal sealed partial class SiloLifetimeReporter
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Silo started: cluster {ClusterId}, service {ServiceId}, advertised {Address}, silo port {SiloPort}, gateway port {GatewayPort}, dashboard {Dashboard}")]
    private static partial void LogStarted(ILogger logger, string clusterId, string serviceId, string address, int siloPort, int gatewayPort, string dashboard);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Silo stopping: handing its grains over within {ShutdownTimeout}")]
    private static partial void LogStopping(ILogger logger, TimeSpan shutdownTimeout);
}

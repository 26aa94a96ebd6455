using OrleansGame.Cancellable;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Asks the cluster for its silos every interval while a client-mode gateway has no connection to it, and yields how
/// many answered once one call gets through. Orleans' client connects to a silo gateway only to send something, and
/// reads which silos there are once a minute: a gateway whose players send nothing (a turn-based game waiting on a
/// move) would otherwise stay cut off, and miss what the grains push, for up to that minute. A call is what makes it
/// pick a live silo, and, when every silo it knew was marked dead, read the list again at once. Its handle is the
/// grain it asks.
/// </summary>
internal sealed partial class ClusterProbeService(IManagementGrain management, TimeSpan interval, TimeProvider time, ILogger logger)
    : ICancellable<int, IManagementGrain>
{
    /// <inheritdoc/>
    public IManagementGrain CreateHandle() => management;

    /// <inheritdoc/>
    public async ValueTask<CancellationResult<int>> RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(interval, time, cancellationToken);
        try
        {
            var silos = await management.GetHosts(onlyActive: true, cancellationToken).WaitAsync(interval, time, cancellationToken);
            return CancellationResult<int>.Item(silos.Count);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused at once while no silo is reachable, or still unanswered after an interval: ask again.
            LogProbeFailed(logger, exception.GetType().Name);
            return CancellationResult<int>.Continue;
        }
    }

    [LoggerMessage(EventId = 1514, Level = LogLevel.Debug, Message = "The cluster did not answer the gateway's probe ({Reason}); asking again")]
    private static partial void LogProbeFailed(ILogger logger, string reason);
}

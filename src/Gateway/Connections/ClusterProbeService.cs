using OrleansGame.Cancellable;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Asks the cluster for its silos while a client-mode gateway has no connection to it, and yields how many answered
/// once one call gets through. Its handle is the grain it asks.
/// </summary>
/// <remarks>
/// Orleans' client connects to a silo gateway only to send something, and reads which silos there are once a minute:
/// a gateway whose players send nothing (a turn-based game waiting on a move) would otherwise stay cut off, and miss
/// what the grains push, for up to that minute. A call is what makes it pick a live silo, and, when every silo it knew
/// was marked dead, read the list again at once. The first probe goes after the interval, and the wait doubles after
/// each one that fails, up to <see cref="LongestWait"/>: a short cut-off is over within a second or two, and a long
/// outage (every silo down) does not fill the log with Orleans' two warnings a probe.
/// </remarks>
internal sealed partial class ClusterProbeService(IManagementGrain management, TimeSpan interval, TimeProvider time, ILogger logger)
    : ICancellable<int, IManagementGrain>
{
    /// <summary>The longest wait between two probes (or the interval, when that is longer).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _longest = interval > LongestWait ? interval : LongestWait;
    private TimeSpan _wait = interval;

    /// <inheritdoc/>
    public IManagementGrain CreateHandle() => management;

    /// <inheritdoc/>
    public async ValueTask<CancellationResult<int>> RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_wait, time, cancellationToken);
        try
        {
            var silos = await management.GetHosts(onlyActive: true, cancellationToken).WaitAsync(_wait, time, cancellationToken);
            return CancellationResult<int>.Item(silos.Count);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused at once while no silo is reachable, or still unanswered after the wait: ask again, later.
            _wait = _wait * 2 < _longest ? _wait * 2 : _longest;
            LogProbeFailed(logger, exception.GetType().Name, _wait);
            return CancellationResult<int>.Continue;
        }
    }

    [LoggerMessage(EventId = 1514, Level = LogLevel.Debug, Message = "The cluster did not answer the gateway's probe ({Reason}); asking again in {Wait}")]
    private static partial void LogProbeFailed(ILogger logger, string reason, TimeSpan wait);
}

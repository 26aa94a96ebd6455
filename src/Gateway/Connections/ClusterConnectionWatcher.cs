using OrleansGame.Cancellable;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Watches a client-mode gateway's connection to the cluster. While it has no silo gateway, whatever the grains push
/// to its connections is lost (<c>ClientNotAvailableException</c> on their side); that is how a room that resumed on a
/// surviving silo could send its one state copy into nothing when this gateway had reached the cluster only through
/// the silo that stopped. So, once the connection is lost, a <see cref="ClusterProbeService"/> asks the cluster until a
/// call gets through; and when the connection comes back, every connection asks for its room's state again.
/// </summary>
internal sealed partial class ClusterConnectionWatcher(
    ConnectionRegistry registry, IServiceProvider services, TimeSpan probeInterval, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<ClusterConnectionWatcher> logger) : IClusterConnectionStatusObserver
{
    private readonly Lock _probing = new();
    private CancellableHandle<IManagementGrain>? _probe;

    // Set when the connection is lost, so that the first connection at start is not taken for a recovery.
    private int _lost;

    /// <summary>The completion of the running probe, or of the last one; null while none was started.</summary>
    internal Task? Probing => Volatile.Read(ref _probe)?.Completion;

    /// <inheritdoc/>
    public void NotifyClusterConnectionLost()
    {
        Volatile.Write(ref _lost, 1);
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The gateway is stopping and closes its own connection to the cluster: nothing is amiss.
            LogClosedOnStop(logger);
            return;
        }

        LogLost(logger, registry.Count, probeInterval);
        StartProbe();
    }

    /// <inheritdoc/>
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (!connectionRecovered || Interlocked.Exchange(ref _lost, 0) == 0)
        {
            return;
        }

        var connections = registry.Snapshot();
        LogRecovered(logger, currentNumberOfGateways, connections.Count);
        foreach (var connection in connections)
        {
            // Orleans calls this on its own thread: the calls go out without waiting for each other.
            _ = connection.ResyncAsync();
        }
    }

    private void StartProbe()
    {
        lock (_probing)
        {
            if (_probe is { Completion.IsCompleted: false })
            {
                return;
            }

            // Resolved now, not injected: the cluster client itself is built with this observer.
            var management = services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            _probe = new ClusterProbeService(management, probeInterval, time, logger)
                .SpawnWithCallback(lifetime.ApplicationStopping, silos =>
                {
                    LogProbeAnswered(logger, silos);
                    return false;
                });
        }
    }

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "Lost the connection to the cluster; {Count} players connected here miss what the grains push until it is back (asking the cluster in {Interval}, then less often)")]
    private static partial void LogLost(ILogger logger, int count, TimeSpan interval);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Debug, Message = "The connection to the cluster closed: the gateway is stopping")]
    private static partial void LogClosedOnStop(ILogger logger);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Information, Message = "The connection to the cluster is back ({Gateways} silo gateways); asking the rooms of {Count} players for their state again")]
    private static partial void LogRecovered(ILogger logger, int gateways, int count);

    [LoggerMessage(EventId = 1515, Level = LogLevel.Debug, Message = "The cluster answered the gateway's probe ({Silos} active silos)")]
    private static partial void LogProbeAnswered(ILogger logger, int silos);
}

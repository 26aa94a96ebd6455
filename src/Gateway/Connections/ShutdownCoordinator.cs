using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Graceful shutdown of the connections: every client is sent <c>Closing{server_shutdown}</c> and closed, and its
/// services complete, before the silo and the server stop. Runs in <see cref="StoppingAsync"/> (before any hosted
/// service stops) and, for Ctrl+C and SIGTERM which signal the host's stopping token first, in a callback on that
/// token registered after SignalR's own, so it runs before SignalR drops every connection.
/// </summary>
internal sealed partial class ShutdownCoordinator(
    ConnectionRegistry registry, IHostApplicationLifetime lifetime, IOptions<GameHubOptions> options, IOptions<HostOptions> hostOptions,
    ILogger<ShutdownCoordinator> logger) : IHostedLifecycleService, IDisposable
{
    private CancellationTokenRegistration _stoppingRegistration;
    private bool _draining;

    private TimeSpan DrainTimeout => options.Value.ShutdownDrainTimeout < hostOptions.Value.ShutdownTimeout
        ? options.Value.ShutdownDrainTimeout
        : hostOptions.Value.ShutdownTimeout;

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Token callbacks run last-registered first: registering now, after SignalR registered its own while the
        // hub was mapped, puts the drain ahead of SignalR dropping the connections. The callback is synchronous, so
        // it waits, bounded, as SignalR's own does.
        _stoppingRegistration = lifetime.ApplicationStopping.Register(() => DrainAsync().Wait(DrainTimeout));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task StoppingAsync(CancellationToken cancellationToken) => await DrainAsync().WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose() => _stoppingRegistration.Dispose();

    /// <summary>Whether shutdown has begun: a connection that arrives now is closed with <c>server_shutdown</c> at once.</summary>
    public bool IsDraining => Volatile.Read(ref _draining);

    // Each call closes whatever is registered at that moment: a connection that completed its handshake just before
    // the first pass registers a moment later, and the hub checks IsDraining after registering, so none slips through.
    private async Task DrainAsync()
    {
        Volatile.Write(ref _draining, true);
        var connections = registry.Snapshot();
        LogDraining(logger, connections.Count);
        var closing = new Closing(ClosingReasons.ServerShutdown, "the server is shutting down");
        try
        {
            await CloseAllAsync().WaitAsync(DrainTimeout);
            LogDrained(logger, connections.Count);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(logger, connections.Count(static c => !c.Stopped.IsCompleted));
        }

        async Task CloseAllAsync()
        {
            await Task.WhenAll(connections.Select(connection => connection.CloseAsync(closing)));
            await Task.WhenAll(connections.Select(static connection => connection.Stopped));

            // SignalR drops whatever connections remain once the host's stopping token fires; waiting until each
            // connection's request has ended makes sure Closing and the close frame were sent before that.
            await Task.WhenAll(connections.Select(static connection => connection.TransportClosed));
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Shutting down: closing {Count} connections")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Closed {Count} connections")]
    private static partial void LogDrained(ILogger logger, int count);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Shutdown went on with {Count} connections not yet closed")]
    private static partial void LogDrainTimedOut(ILogger logger, int count);
}

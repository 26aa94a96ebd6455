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
    private readonly Lock _drainLock = new();
    private CancellationTokenRegistration _stoppingRegistration;
    private Task? _drain;

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

    private Task DrainAsync()
    {
        lock (_drainLock)
        {
            return _drain ??= DrainOnceAsync();
        }
    }

    private async Task DrainOnceAsync()
    {
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
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Shutting down: closing {Count} connections")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Closed {Count} connections")]
    private static partial void LogDrained(ILogger logger, int count);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Shutdown went on with {Count} connections not yet closed")]
    private static partial void LogDrainTimedOut(ILogger logger, int count);
}

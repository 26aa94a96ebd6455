using OrleansGame.Cancellable;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Keeps a connection's observer subscription alive: every interval it renews with the player grain and yields
/// null while the subscription is still the current one (with the gateway's fan-out, so a grain that re-attaches routes
/// snapshots as before), or the <see cref="Closing"/> the grain ended it with. Its handle is the observer reference it renews.
/// </summary>
internal sealed partial class RenewalService(
    IPlayerGrain player, IPlayerObserver observer, IGatewayObserver gateway, TimeSpan interval, TimeProvider time, ILogger logger)
    : ICancellable<Closing?, IPlayerObserver>
{
    /// <inheritdoc/>
    public IPlayerObserver CreateHandle() => observer;

    /// <inheritdoc/>
    public async ValueTask<CancellationResult<Closing?>> RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(interval, time, cancellationToken);
        try
        {
            return CancellationResult<Closing?>.Item(await player.RenewAsync(observer, gateway).WaitAsync(cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed renewal is retried next interval; the grain re-attaches the observer when it comes back.
            LogRenewFailed(logger, exception);
            return CancellationResult<Closing?>.Continue;
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Renewing the observer subscription failed; retrying next interval")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);
}

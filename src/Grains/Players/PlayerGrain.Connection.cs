using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>The connection: attach (newest wins), renew, detach, and the ping service that watches it.</summary>
internal sealed partial class PlayerGrain
{
    private readonly PingTracker ping = new();
    private IPlayerObserver? observer;
    private IGatewayObserver? gateway;
    private IPlayerObserver? retired;
    private IGrainTimer? pingTimer;

    /// <inheritdoc />
    public async Task AttachAsync(IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (this.observer is { } older && !older.Equals(observer))
        {
            LogSuperseded(PlayerId);
            Push(older, new Closing(ClosingReasons.DuplicateSession, "a newer connection of this player took over"), static (o, c) => o.OnClosingAsync(c));
            retired = older;
        }
        else if (this.observer is null)
        {
            metrics.PlayerOnline();
        }

        this.observer = observer;
        this.gateway = gateway;
        StartPing();
        if (Record.CurrentRoom is not { } roomId)
        {
            return;
        }

        metrics.Reconnected();

        var resumed = await Room(roomId).ResumeAsync(PlayerId, observer, gateway);
        if (resumed is null)
        {
            Record.CurrentRoom = null;
            await state.WriteStateAsync();
            return;
        }

        Push(observer, resumed, static (o, r) => o.OnRoomStateAsync(r));
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer.Equals(this.observer))
        {
            return true;
        }

        // After a reactivation (for example on another silo) the grain has forgotten the connection: take it back,
        // unless it is one this grain already closed or replaced, and resume the seat so that a room which moved
        // too comes back and the client redraws from a full state.
        if (this.observer is not null || observer.Equals(retired))
        {
            return false;
        }

        this.observer = observer;
        this.gateway = gateway;
        metrics.PlayerOnline();
        StartPing();
        if (Record.CurrentRoom is { } roomId && await Room(roomId).ResumeAsync(PlayerId, observer, gateway) is { } resumed)
        {
            Push(observer, resumed, static (o, r) => o.OnRoomStateAsync(r));
        }

        return true;
    }

    /// <inheritdoc />
    public async Task DetachAsync(IPlayerObserver observer)
    {
        if (observer is not null && observer.Equals(this.observer))
        {
            await DisconnectAsync();
        }
    }

    /// <inheritdoc />
    public Task PongAsync(long seq)
    {
        if (observer is null || ping.OnPong(seq, time.GetUtcNow()) is not { } measured || ping.SmoothedRttMs is not { } rtt)
        {
            return Task.CompletedTask;
        }

        metrics.RoundTrip(measured);

        if (Record.CurrentRoom is { } roomId)
        {
            _ = Room(roomId).ReportRttAsync(PlayerId, (int)Math.Round(rtt));
        }

        return Task.CompletedTask;
    }

    private void StartPing()
    {
        ping.Reset();
        if (pingTimer is not null)
        {
            return;
        }

        var interval = pingOptions.Value.Interval;
        pingTimer = this.RegisterGrainTimer(PingTickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, interval) { KeepAlive = true });
    }

    private async Task PingTickAsync(CancellationToken cancellationToken)
    {
        if (observer is not { } current)
        {
            StopPing();
            return;
        }

        var now = time.GetUtcNow();
        if (ping.TimedOut(now, pingOptions.Value.Timeout))
        {
            LogPingTimeout(PlayerId);
            Push(current, new Closing(ClosingReasons.PingTimeout, "no pong arrived in time"), static (o, c) => o.OnClosingAsync(c));
            await DisconnectAsync();
            return;
        }

        Push(current, ping.Next(now), static (o, p) => o.OnPingAsync(p));
    }

    private async Task DisconnectAsync()
    {
        retired = observer;
        observer = null;
        gateway = null;
        metrics.PlayerOffline();
        StopPing();
        LogDisconnected(PlayerId);
        if (Record.CurrentRoom is { } roomId)
        {
            await Room(roomId).SetAwayAsync(PlayerId);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (observer is not null)
        {
            metrics.PlayerOffline();
        }

        return Task.CompletedTask;
    }

    private void StopPing()
    {
        pingTimer?.Dispose();
        pingTimer = null;
    }

    private void Push<T>(IPlayerObserver target, T payload, Func<IPlayerObserver, T, Task> send) =>
        ObserverPush.Send(logger, target, payload, send);
}

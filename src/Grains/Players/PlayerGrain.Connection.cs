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
    private Closing? retiredBecause;
    private IGrainTimer? pingTimer;

    /// <inheritdoc />
    public async Task AttachAsync(IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (this.observer is { } older && !older.Equals(observer))
        {
            LogSuperseded(PlayerId);
            var superseded = Superseded();
            Push(older, superseded, static (o, c) => o.OnClosingAsync(c));
            (retired, retiredBecause) = (older, superseded);
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
    public async Task<Closing?> RenewAsync(IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer.Equals(this.observer))
        {
            return null;
        }

        // The closing this grain pushed may not have reached the connection yet (a push is one-way): the renewal
        // carries the same reason, so the client hears why, whichever arrives first.
        if (observer.Equals(retired))
        {
            return retiredBecause ?? Superseded();
        }

        if (this.observer is not null)
        {
            return new Closing(ClosingReasons.DuplicateSession, "another connection of this player is the current one");
        }

        // After a reactivation (for example on another silo) the grain has forgotten the connection: take it back,
        // and resume the seat so that a room which moved too comes back and the client redraws from a full state.

        this.observer = observer;
        this.gateway = gateway;
        metrics.PlayerOnline();
        StartPing();
        await PushSeatAsync(observer, gateway);

        return null;
    }

    /// <inheritdoc />
    public async Task<Closing?> ResyncAsync(IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (!observer.Equals(this.observer))
        {
            // Retired, superseded, or forgotten by a reactivation (which the renewal re-attaches, pushing the state).
            return await RenewAsync(observer, gateway);
        }

        await PushSeatAsync(observer, gateway);

        return null;
    }

    /// <summary>Resumes the player's seat, if any, for <paramref name="observer"/> and pushes it as <c>RoomState</c>.</summary>
    private async Task PushSeatAsync(IPlayerObserver observer, IGatewayObserver? gateway)
    {
        if (Record.CurrentRoom is { } roomId && await Room(roomId).ResumeAsync(PlayerId, observer, gateway) is { } resumed)
        {
            Push(observer, resumed, static (o, r) => o.OnRoomStateAsync(r));
        }
    }

    /// <inheritdoc />
    public async Task DetachAsync(IPlayerObserver observer)
    {
        if (observer is not null && observer.Equals(this.observer))
        {
            await DisconnectAsync(because: null);
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
            var timedOut = new Closing(ClosingReasons.PingTimeout, "no pong arrived in time");
            Push(current, timedOut, static (o, c) => o.OnClosingAsync(c));
            await DisconnectAsync(timedOut);
            return;
        }

        Push(current, ping.Next(now), static (o, p) => o.OnPingAsync(p));
    }

    /// <summary>Forgets the connection; <paramref name="because"/> is the closing it was sent, null when it detached itself.</summary>
    private async Task DisconnectAsync(Closing? because)
    {
        (retired, retiredBecause) = (observer, because);
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

    private static Closing Superseded() => new(ClosingReasons.DuplicateSession, "a newer connection of this player took over");

    private void StopPing()
    {
        pingTimer?.Dispose();
        pingTimer = null;
    }

    private void Push<T>(IPlayerObserver target, T payload, Func<IPlayerObserver, T, Task> send) =>
        ObserverPush.Send(logger, target, payload, send);
}

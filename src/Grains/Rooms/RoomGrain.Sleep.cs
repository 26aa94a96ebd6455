using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// A room with nobody connected sleeps: no tick and no periodic checkpoint, only a one-shot timer for its next
/// deadline (a held seat expiring, the empty room's end, a checkpoint to write or retry). At that deadline the seats
/// whose hold ran out are released (the mode hears <c>OnLeave(SeatExpired)</c>), the room ends if its time is up, and
/// the timer is set for the next one. A member coming back, or a new one joining, wakes the tick.
/// </summary>
internal sealed partial class RoomGrain
{
    private IGrainTimer? wakeTimer;

    /// <summary>Whether the room is open and its tick stopped.</summary>
    private bool Asleep => room is not null && !stale && tickTimer is null;

    private bool AnyoneConnected()
    {
        foreach (var seat in seats.Values)
        {
            if (seat.AwaySince is null)
            {
                return true;
            }
        }

        return false;
    }

    private void Sleep()
    {
        tickTimer?.Dispose();
        tickTimer = null;
        LogSleeping(RoomId, seats.Count);
        Note(RoomLogCodes.Sleeping, $"nobody is connected ({seats.Count} seats held): the tick sleeps until someone returns");
        ArmWakeTimer();
    }

    /// <summary>Starts the tick again if the room sleeps.</summary>
    private void WakeUp()
    {
        if (!Asleep)
        {
            return;
        }

        wakeTimer?.Dispose();
        wakeTimer = null;
        StartTicking();
    }

    /// <summary>Sets the sleeping room's timer to its next deadline (inside the timer's callback, when it returns).</summary>
    private void ArmWakeTimer()
    {
        if (!Asleep)
        {
            return;
        }

        var now = time.GetUtcNow();
        var next = NextDeadline(now);
        var due = next == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : next <= now ? TimeSpan.Zero : next - now;
        if (wakeTimer is null)
        {
            wakeTimer = this.RegisterGrainTimer(OnDeadlineAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            wakeTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private DateTimeOffset NextDeadline(DateTimeOffset now)
    {
        if (failed || EndsNow(now))
        {
            return now;
        }

        var next = DateTimeOffset.MaxValue;
        foreach (var seat in seats.Values)
        {
            if (seat.AwaySince is { } since && since + settings!.SeatHold < next)
            {
                next = since + settings.SeatHold;
            }
        }

        if (seats.Count == 0 && emptySince is { } empty && empty + settings!.EmptyRoomLifetime < next)
        {
            next = empty + settings.EmptyRoomLifetime;
        }

        if (checkpointDue && !writing && (retryAt > now ? retryAt : now) < next)
        {
            next = retryAt > now ? retryAt : now;
        }

        return next;
    }

    private async Task OnDeadlineAsync(CancellationToken cancellationToken)
    {
        if (!Asleep)
        {
            return;
        }

        if (failed)
        {
            await EndFailedRoomAsync();
            return;
        }

        var now = time.GetUtcNow();
        ReleaseExpiredSeats(now);
        if (failed)
        {
            await EndFailedRoomAsync();
            return;
        }

        if (EndsNow(now))
        {
            await DisposeRoomAsync();
            return;
        }

        if (checkpointDue)
        {
            Checkpoint();
        }

        ArmWakeTimer();
    }
}

using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The tick: the mode's step with the batch, the state pushed once, seats expired, the room disposed or its checkpoint
/// started; a room left with nobody connected goes to sleep at the end of it.
/// </summary>
internal sealed partial class RoomGrain
{
    private DateTimeOffset nextPeriodicAt;
    private TimeSpan lateness;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (room is null || stale)
        {
            return;
        }

        if (failed)
        {
            await EndFailedRoomAsync();
            return;
        }

        var tickStart = time.GetTimestamp();
        lateness = tickSchedule!.LatenessAt(tickStart);
        metrics.TickLate(lateness);
        var (phase, inProgress) = (room.Phase, room.InProgress);
        room.Tick++;
        var batch = TakeInbox();
        if (!Guard(() => mode!.OnTick(state!, room, batch), "OnTick"))
        {
            await EndFailedRoomAsync();
            return;
        }

        batch.Clear();
        if (room.Phase != phase || room.InProgress != inProgress)
        {
            NotePhase();
            ReportOccupancy();
            checkpointDue = true;
        }

        if (seats.Count > 0 && !PushState())
        {
            await EndFailedRoomAsync();
            return;
        }

        var now = time.GetUtcNow();
        ReleaseExpiredSeats(now);
        if (EndsNow(now))
        {
            await DisposeRoomAsync();
            return;
        }

        if (now >= nextPeriodicAt)
        {
            // Reported periodically as well as on changes, so a matchmaker that lost its activation relearns the rooms.
            nextPeriodicAt = now + settings!.CheckpointInterval;
            ReportOccupancy();
            checkpointDue = true;
        }

        if (checkpointDue)
        {
            Checkpoint();
        }

        metrics.TickCompleted(room.Mode, time.GetElapsedTime(tickStart));
        if (!AnyoneConnected())
        {
            Sleep();
            return;
        }

        // A change made inside the callback applies when it returns, in place of the period.
        tickTimer?.Change(tickSchedule.Advance(), settings!.TickInterval);
    }

    /// <summary>Whether the room is empty and its time is up: its creator left it alone, or it stayed empty for its lifetime.</summary>
    private bool EndsNow(DateTimeOffset now) =>
        seats.Count == 0 && (abandoned || (emptySince is { } since && now - since >= settings!.EmptyRoomLifetime));

    private async Task DisposeRoomAsync()
    {
        LogDisposing(RoomId);
        Guard(() => mode!.OnTerminate(state!, room!, TerminateReason.Empty), "OnTerminate");
        await CloseAsync();
    }

    /// <summary>Stops the timers, forgets the room in its matchmaker and storage, and lets the activation go.</summary>
    private async Task CloseAsync()
    {
        StopTimers();
        metrics.RoomDeactivated(room!.Mode);
        siloRooms.Closed();
        _ = Matchmaker.RemoveRoomAsync(RoomId);
        room = null;
        state = null;
        seats.Clear();
        await checkpointWrite;
        try
        {
            await storage.ClearStateAsync();
        }
        catch (Exception exception)
        {
            LogClearFailed(RoomId, exception);
        }

        this.DeactivateOnIdle();
    }

    private void StopTimers()
    {
        tickTimer?.Dispose();
        tickTimer = null;
        wakeTimer?.Dispose();
        wakeTimer = null;
    }
}

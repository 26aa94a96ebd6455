using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>The tick: the mode's step with the batch, the state pushed once, seats expired, the room disposed or checkpointed.</summary>
internal sealed partial class RoomGrain
{
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (room is null)
        {
            return;
        }

        if (failed)
        {
            await EndFailedRoomAsync();
            return;
        }

        var tickStart = time.GetTimestamp();
        metrics.TickLate(tickSchedule!.LatenessAt(tickStart));
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

        if (seats.Count == 0 && emptySince is { } since && now - since >= settings!.EmptyRoomLifetime)
        {
            await DisposeRoomAsync();
            return;
        }

        if (now - lastCheckpointAt >= settings!.CheckpointInterval)
        {
            // Reported periodically as well as on changes, so a matchmaker that lost its activation relearns the rooms.
            ReportOccupancy();
            await WriteCheckpointAsync();
        }
        else if (checkpointDue)
        {
            await WriteCheckpointAsync();
        }

        metrics.TickCompleted(room.Mode, time.GetElapsedTime(tickStart));

        // A change made inside the callback applies when it returns, in place of the period.
        tickTimer?.Change(tickSchedule.Advance(), settings.TickInterval);
    }

    private async Task DisposeRoomAsync()
    {
        LogDisposing(RoomId);
        Guard(() => mode!.OnTerminate(state!, room!, TerminateReason.Empty), "OnTerminate");
        await CloseAsync();
    }

    /// <summary>Stops the tick, forgets the room in its matchmaker and storage, and lets the activation go.</summary>
    private async Task CloseAsync()
    {
        tickTimer?.Dispose();
        tickTimer = null;
        metrics.RoomDeactivated(room!.Mode);
        _ = Matchmaker.RemoveRoomAsync(RoomId);
        room = null;
        state = null;
        seats.Clear();
        await storage.ClearStateAsync();
        this.DeactivateOnIdle();
    }
}

using System.Text.Json;
using Orleans.Storage;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The checkpoint: captured on the grain's turn, written off the tick's path (at most one write in flight, and after
/// a failure the next one waits longer each time), and restored after a reactivation (possibly on another silo). A
/// write refused for its ETag that this activation did not cause means another one wrote the room since: this one
/// stops and the room comes back from what is stored.
/// </summary>
internal sealed partial class RoomGrain
{
    /// <summary>How long the first retry after a failed write waits; each further failure doubles it.</summary>
    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);

    /// <summary>The longest a retry waits.</summary>
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(15);

    private readonly Guid writer = Guid.NewGuid();
    private Task checkpointWrite = Task.CompletedTask;
    private bool writing;
    private TimeSpan backOff;
    private DateTimeOffset retryAt;
    private bool stale;

    /// <summary>Starts writing the checkpoint unless a write is in flight or backing off; nobody waits for it.</summary>
    private void Checkpoint()
    {
        if (room is null || failed || stale || writing || time.GetUtcNow() < retryAt)
        {
            return;
        }

        StartWrite();
    }

    /// <summary>Waits for the write in flight, then writes once more whatever the back-off: on opening and on deactivation.</summary>
    private async Task CheckpointNowAsync()
    {
        await checkpointWrite;
        if (room is null || failed || stale)
        {
            return;
        }

        StartWrite();
        await checkpointWrite;
    }

    private void StartWrite()
    {
        checkpointDue = false;
        RoomCheckpoint? checkpoint = null;
        if (!Guard(() => checkpoint = Capture(), "checkpoint"))
        {
            return;
        }

        // The state is touched only here, and only with no write in flight: the write in flight owns it.
        storage.State.Opened = true;
        storage.State.Writer = writer;
        storage.State.Checkpoint = checkpoint;
        writing = true;
        checkpointWrite = WriteAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await storage.WriteStateAsync();
            backOff = TimeSpan.Zero;
            retryAt = default;
        }
        catch (InconsistentStateException conflict)
        {
            await ResolveConflictAsync(conflict);
        }
        catch (Exception exception)
        {
            // A failed checkpoint must not stop play: it stays due, and the next attempt waits longer each time.
            WriteFailed(exception);
        }
        finally
        {
            writing = false;
        }

        if (Asleep)
        {
            ArmWakeTimer();
        }
    }

    /// <summary>
    /// The stored ETag is not the one this activation holds. Either a write of its own that timed out ran after all
    /// (the record says this activation wrote it: go on with the ETag just read), or another activation wrote the
    /// room: this one is stale, so it stops ticking and pushing and deactivates, and the room comes back from storage.
    /// </summary>
    private async Task ResolveConflictAsync(InconsistentStateException conflict)
    {
        try
        {
            await storage.ReadStateAsync();
        }
        catch (Exception exception)
        {
            WriteFailed(exception);
            return;
        }

        if (storage.State.Writer == writer)
        {
            checkpointDue = true;
            return;
        }

        stale = true;
        LogStale(RoomId, conflict);
        StopTimers();
        this.DeactivateOnIdle();
    }

    private void WriteFailed(Exception exception)
    {
        checkpointDue = true;
        backOff = backOff == TimeSpan.Zero ? FirstBackOff : TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
        retryAt = time.GetUtcNow() + backOff;
        metrics.CheckpointFailed(room?.Mode ?? "unknown");
        LogCheckpointFailed(RoomId, backOff, exception);
    }

    private RoomCheckpoint Capture()
    {
        var seatStates = new SeatCheckpoint[room!.Members.Count];
        for (var i = 0; i < seatStates.Length; i++)
        {
            var seat = seats[room.Members[i].PlayerId];
            var member = seat.Member;
            seatStates[i] = new SeatCheckpoint(member.PlayerId, member.Name, member.JoinedAt, member.RttMs, seat.AwaySince, seat.Observer, seat.Gateway);
        }

        var json = new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(state, mode!.StateType, RoomJson.Options));
        return new RoomCheckpoint(room.Spec, room.Tick, room.Phase, room.InProgress, seatStates, json, emptySince, creator, recent.OldestFirst());
    }

    /// <summary>Restores the room from <paramref name="checkpoint"/>; false (and the room forgotten) when it cannot be.</summary>
    private bool Restore(RoomCheckpoint checkpoint)
    {
        if (!modes.TryGet(checkpoint.Spec.Mode, out var hosted))
        {
            LogRestoreFailed(RoomId, checkpoint.Spec.Mode, null);
            return false;
        }

        object? restored;
        try
        {
            restored = JsonSerializer.Deserialize(checkpoint.State.Utf8, hosted.StateType, RoomJson.Options);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            LogRestoreFailed(RoomId, checkpoint.Spec.Mode, exception);
            return false;
        }

        if (restored is null)
        {
            LogRestoreFailed(RoomId, checkpoint.Spec.Mode, null);
            return false;
        }

        Host(hosted, checkpoint.Spec);
        state = restored;
        room!.Tick = checkpoint.Tick;
        room.Phase = checkpoint.Phase;
        room.InProgress = checkpoint.InProgress;
        notedPhase = (room.Phase, room.InProgress);
        recent.Restore(checkpoint.Recent ?? []);
        seats.Clear();
        foreach (var s in checkpoint.Seats)
        {
            var member = new Member(s.PlayerId, s.Name, s.JoinedAt) { RttMs = s.RttMs, IsAway = s.AwaySince is not null };
            seats[s.PlayerId] = new Seat(member) { AwaySince = s.AwaySince, Observer = s.Observer, Gateway = s.Gateway };
            room.Add(member);
        }

        creator = checkpoint.Creator is { } id && seats.ContainsKey(id) ? id : null;
        emptySince = seats.Count == 0 ? checkpoint.EmptySince ?? time.GetUtcNow() : null;
        return true;
    }
}

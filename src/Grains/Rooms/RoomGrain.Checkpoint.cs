using System.Text.Json;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>The checkpoint: capture, write, and restore after a reactivation (possibly on another silo).</summary>
internal sealed partial class RoomGrain
{
    private async Task WriteCheckpointAsync()
    {
        if (room is null || failed)
        {
            return;
        }

        checkpointDue = false;
        lastCheckpointAt = time.GetUtcNow();
        RoomCheckpoint? checkpoint = null;
        if (!Guard(() => checkpoint = Capture(), "checkpoint"))
        {
            return;
        }

        storage.State.Opened = true;
        storage.State.Checkpoint = checkpoint;
        try
        {
            await storage.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // A failed checkpoint must not stop play; the next one retries.
            checkpointDue = true;
            LogCheckpointFailed(RoomId, ex);
        }
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
        return new RoomCheckpoint(room.Spec, room.Tick, room.Phase, room.InProgress, seatStates, json, emptySince);
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
        seats.Clear();
        foreach (var s in checkpoint.Seats)
        {
            var member = new Member(s.PlayerId, s.Name, s.JoinedAt) { RttMs = s.RttMs, IsAway = s.AwaySince is not null };
            seats[s.PlayerId] = new Seat(member) { AwaySince = s.AwaySince, Observer = s.Observer, Gateway = s.Gateway };
            room.Add(member);
        }

        emptySince = seats.Count == 0 ? checkpoint.EmptySince ?? time.GetUtcNow() : null;
        return true;
    }
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// Containing a mode's bug: a hook that throws is logged and counted, and its room ends (members told with
/// <c>room_failed</c> and released) at its next tick, or at once when the tick itself failed. Other rooms never notice: each is its own activation.
/// </summary>
internal sealed partial class RoomGrain
{
    private bool failed;

    /// <summary>Runs a hook of the mode; false (and the room marked failed) when it threw.</summary>
    private bool Guard(Action hook, string name)
    {
        if (failed)
        {
            return false;
        }

        try
        {
            hook();
            return true;
        }
        catch (Exception exception)
        {
            failed = true;
            metrics.ModeFailed(room?.Mode ?? "unknown", name);
            LogModeFailed(RoomId, room?.Mode ?? "unknown", name, exception);
            Note(RoomLogCodes.ModeFailed, $"the mode threw in {name} ({exception.GetType().Name}): the room ends");
            return false;
        }
    }

    private JoinOutcome Failed() =>
        JoinOutcome.Refused(ErrorCodes.RoomFailed, $"room {RoomId} closed after an error in its game mode");

    /// <summary>Tells every member the room failed, releases their seats and closes the room.</summary>
    private async Task EndFailedRoomAsync()
    {
        if (room is null)
        {
            return;
        }

        var error = new ErrorMessage(ErrorCodes.RoomFailed, $"room {RoomId} closed after an error in its game mode; join another");
        foreach (var seat in seats.Values)
        {
            if (seat.Observer is { } observer)
            {
                Push(observer, error, static (o, e) => o.OnErrorAsync(e));
                Push(observer, new RoomEvent(RoomEventTypes.PlayerLeft, seat.PlayerId), static (o, e) => o.OnRoomEventAsync(e));
            }

            _ = GrainFactory.GetGrain<IPlayerGrain>(seat.PlayerId).OnSeatReleasedAsync(RoomId);
        }

        // The mode's last hook runs even though an earlier one failed; if it throws too, that is logged as well.
        failed = false;
        Guard(() => mode!.OnTerminate(state!, room, TerminateReason.Failed), "OnTerminate");
        await CloseAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Rooms;

/// <summary>Hand-over: a room whose silo stops gracefully asks its members' connections to call it back.</summary>
internal sealed partial class RoomGrain
{
    /// <summary>
    /// After the deactivation checkpoint of a silo shutdown, tells every member's connection that the room is moving;
    /// the gateway calls the room again, which reactivates it on a surviving silo from the checkpoint, and the
    /// restored observers receive snapshots again. Other deactivations (idle, disposal) stay silent, and so does the
    /// last silo's shutdown: with no silo to move to, the room waits in its checkpoint until a silo hosts it again
    /// (a gateway whose cluster connection comes back asks for it).
    /// </summary>
    private void AnnounceMoveIfSiloStopping(DeactivationReason reason)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            return;
        }

        if (!AnotherSiloIsActive())
        {
            // A call back now could only fail, and Orleans logs each failed placement as an error with its stack.
            LogNoSiloToMoveTo(RoomId);
            return;
        }

        // The room also calls itself back, so it resumes even when no member's connection answers the notice below.
        CallBackAfterDeactivation();

        var roomId = RoomId;
        foreach (var seat in seats.Values)
        {
            if (seat.Observer is { } observer)
            {
                Push(observer, roomId, static (o, id) => o.OnRoomMovingAsync(id));
            }
        }
    }

    /// <summary>Whether a silo other than this one is active, by this silo's view of the membership.</summary>
    private bool AnotherSiloIsActive()
    {
        var self = ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        return ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Any(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(self));
    }

    /// <summary>
    /// Calls the room from its own deactivation: the call waits for this activation to finish deactivating and then
    /// activates the room again (on a surviving silo when this one stops), from its checkpoint.
    /// </summary>
    private void CallBackAfterDeactivation() =>
        _ = this.AsReference<IRoomGrain>().GetInfoAsync().ContinueWith(
            static t => t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}

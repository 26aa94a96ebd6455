namespace OrleansGame.Grains.Rooms;

/// <summary>Hand-over: a room whose silo stops gracefully asks its members' connections to call it back.</summary>
internal sealed partial class RoomGrain
{
    /// <summary>
    /// After the deactivation checkpoint of a silo shutdown, tells every member's connection that the room is moving;
    /// the gateway calls the room again, which reactivates it on a surviving silo from the checkpoint, and the
    /// restored observers receive snapshots again. Other deactivations (idle, disposal) stay silent.
    /// </summary>
    private void AnnounceMoveIfSiloStopping(DeactivationReason reason)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            return;
        }

        var roomId = RoomId;
        foreach (var member in members.Values)
        {
            if (member.Observer is { } observer)
            {
                Push(observer, roomId, static (o, id) => o.OnRoomMovingAsync(id));
            }
        }
    }
}

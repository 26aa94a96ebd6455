using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// The handle through which a room pushes one tick's snapshot to all of its members connected to one gateway: one
/// message per gateway instead of one per member, which the gateway writes to those connections serialised once per
/// protocol. Every member's own <see cref="IPlayerObserver"/> still carries everything else.
/// </summary>
public interface IGatewayObserver : IGrainObserver
{
    /// <summary>
    /// Delivers the room's snapshot of one tick to the connections whose <see cref="IPlayerObserver"/>s have the ids
    /// <paramref name="observers"/>; an id this gateway no longer knows (its connection closed) is skipped.
    /// </summary>
    [OneWay]
    Task OnSnapshotAsync(Snapshot snapshot, GrainId[] observers);
}

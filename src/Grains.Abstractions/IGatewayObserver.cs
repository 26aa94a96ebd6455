using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// The handle through which a room pushes one tick's state to all of its members connected to one gateway: one
/// message per gateway instead of one per member, which the gateway writes to those connections serialised once per
/// protocol. Every member's own <see cref="IPlayerObserver"/> still carries everything else.
/// </summary>
public interface IGatewayObserver : IGrainObserver
{
    /// <summary>
    /// Delivers the room's state of one tick, made at <paramref name="serverTime"/> (Unix milliseconds), to the
    /// connections whose <see cref="IPlayerObserver"/>s have the ids <paramref name="observers"/>; an id this gateway
    /// no longer knows (its connection closed) is skipped. <paramref name="frame"/> is the same state in the compact
    /// encoding, for the connections that asked for it (null: every connection gets <paramref name="state"/>).
    /// </summary>
    [OneWay]
    Task OnStateAsync(ServerMessage state, StateFrame? frame, long serverTime, GrainId[] observers);
}

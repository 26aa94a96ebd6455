using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// The room a connection's player sits in, as its last join or resumed seat told it: the room's grain reference, made
/// once (resolving one looks the interface's attributes up by reflection, too slow for every message), and the
/// limits of the messages its mode accepts.
/// </summary>
/// <param name="id">The room's code.</param>
/// <param name="mode">The room's mode.</param>
/// <param name="grain">The room's grain.</param>
/// <param name="limits">The message types the mode accepts.</param>
internal sealed class SeatedRoom(string id, string mode, IRoomGrain grain, MessageLimits limits)
{
    /// <summary>The room's code.</summary>
    public string Id => id;

    /// <summary>The room's mode.</summary>
    public string Mode => mode;

    /// <summary>The room's grain.</summary>
    public IRoomGrain Grain => grain;

    /// <summary>The message types the room's mode accepts, with their limits.</summary>
    public MessageLimits Limits => limits;

    /// <summary>Delivers a batch of messages to the room; made once, so posting a message allocates no delegate.</summary>
    public Func<InboundMessage[], Task> Deliver { get; } = grain.DeliverAsync;
}

using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>A mode with a bug: its tick throws when a <c>boom</c> message arrives. Otherwise it counts its ticks.</summary>
public sealed class FaultyMode() : GameMode<FaultyState>(new ModeSettings
{
    TickRate = 20,
    Capacity = 2,
    Messages = [MessageRule.For<Boom>("boom", maxBytes: 64, perSecond: 5, burst: 5)],
})
{
    public override FaultyState CreateState(RoomSetup setup) => new();

    public override void OnTick(FaultyState state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
        if (messages.Count > 0)
        {
            throw new InvalidOperationException("the faulty mode's tick failed, as it was written to");
        }

        state.Ticks++;
    }

    public override object? GetState(FaultyState state, IRoom room, Member? viewer) => state;
}

/// <summary>How many ticks ran.</summary>
public sealed class FaultyState
{
    public long Ticks { get; set; }
}

/// <summary>The message that breaks the faulty mode.</summary>
public sealed record Boom;

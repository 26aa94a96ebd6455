using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>A two-player mode with seats for watchers: quick join fills two of its four seats, the others take a code.</summary>
public sealed class DuelMode() : GameMode<DuelState>(new ModeSettings
{
    TickRate = 10,
    Capacity = 4,
    QuickJoinSeats = 2,
})
{
    public override DuelState CreateState(RoomSetup setup) => new();

    public override void OnTick(DuelState state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
    }
}

/// <summary>The duel's state: nothing.</summary>
public sealed class DuelState;

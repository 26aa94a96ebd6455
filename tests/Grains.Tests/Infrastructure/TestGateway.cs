using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Stands in for a gateway's fan-out: records every state pushed to it, read as the arena's snapshot, and for which observers.</summary>
public sealed class TestGateway : IGatewayObserver
{
    private readonly Lock gate = new();
    private readonly List<(Snapshot Snapshot, GrainId[] Observers)> pushes = [];
    private readonly List<StateFrame?> frames = [];

    /// <summary>The compact encoding of every push, in order (null where the room sent none).</summary>
    public IReadOnlyList<StateFrame?> Frames
    {
        get
        {
            lock (gate)
            {
                return [.. frames];
            }
        }
    }

    public IReadOnlyList<(Snapshot Snapshot, GrainId[] Observers)> Pushes
    {
        get
        {
            lock (gate)
            {
                return [.. pushes];
            }
        }
    }

    public Task OnStateAsync(ServerMessage state, StateFrame? frame, long serverTime, GrainId[] observers)
    {
        if (state.Method != ArenaMessageTypes.Snapshot)
        {
            throw new InvalidOperationException($"the arena's state comes as Snapshot, not {state.Method}");
        }

        var snapshot = ArenaWire.Read<Snapshot>(state.Payload);
        lock (gate)
        {
            pushes.Add((snapshot, observers));
            frames.Add(frame);
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits, bounded, until a push satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<(Snapshot Snapshot, GrainId[] Observers)> WaitForPushAsync(Func<(Snapshot Snapshot, GrainId[] Observers), bool> match) =>
        await Eventually.WaitAsync(() => Task.FromResult(Pushes.FirstOrDefault(match)), found => found.Snapshot is not null, "a matching snapshot push");
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Stands in for a gateway's fan-out: records every snapshot pushed to it and for which observers.</summary>
public sealed class TestGateway : IGatewayObserver
{
    private readonly Lock gate = new();
    private readonly List<(Snapshot Snapshot, GrainId[] Observers)> pushes = [];

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

    public Task OnSnapshotAsync(Snapshot snapshot, GrainId[] observers)
    {
        lock (gate)
        {
            pushes.Add((snapshot, observers));
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits, bounded, until a push satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<(Snapshot Snapshot, GrainId[] Observers)> WaitForPushAsync(Func<(Snapshot Snapshot, GrainId[] Observers), bool> match) =>
        await Eventually.WaitAsync(() => Task.FromResult(Pushes.FirstOrDefault(match)), found => found.Snapshot is not null, "a matching snapshot push");
}

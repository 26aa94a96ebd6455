using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>Stands in for a gateway's fan-out: records the compact encoding of every state a room pushes through it.</summary>
public sealed class FrameRecorder : IGatewayObserver
{
    private readonly Lock gate = new();
    private readonly List<StateFrame> frames = [];

    /// <summary>The frames received so far, in arrival order.</summary>
    public IReadOnlyList<StateFrame> Frames
    {
        get
        {
            lock (gate)
            {
                return [.. frames];
            }
        }
    }

    /// <inheritdoc/>
    public Task OnStateAsync(ServerMessage state, StateFrame? frame, long serverTime, GrainId[] observers)
    {
        if (frame is not null)
        {
            lock (gate)
            {
                frames.Add(frame);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits, bounded, until the frames satisfy <paramref name="done"/>.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<StateFrame>, bool> done, string what, TimeSpan timeout) =>
        Polling.UntilAsync(() => Task.FromResult(Frames), done, what, timeout);
}

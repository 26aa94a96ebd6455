using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OrleansGame.Cancellable.Tests;

// One class, so these two never run in parallel with each other: both collect garbage and read a global event.
public sealed class UnobservedExceptionTests
{
    [Fact]
    public async Task Harness_FaultedTaskNobodyObserves_IsReported()
    {
        var marker = Guid.NewGuid().ToString();

        var reported = await CollectUnobservedAsync(marker, () =>
        {
            FaultAndDrop(marker);
            return Task.CompletedTask;
        });

        Assert.Contains(marker, reported);
    }

    [Fact]
    public async Task Spawn_FailedServiceWhoseCompletionNobodyObserves_LeavesNoUnobservedException()
    {
        var marker = Guid.NewGuid().ToString();

        var reported = await CollectUnobservedAsync(marker, async () =>
        {
            await SpawnFailingAndWaitAsync(marker, inCallback: false);
            await SpawnFailingAndWaitAsync(marker, inCallback: true);
        });

        Assert.DoesNotContain(marker, reported);
    }

    private static async Task<IReadOnlyCollection<string>> CollectUnobservedAsync(string marker, Func<Task> act)
    {
        var reported = new ConcurrentBag<string>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            foreach (var inner in e.Exception.Flatten().InnerExceptions)
            {
                if (inner is MarkerException found && found.Marker == marker)
                {
                    reported.Add(found.Marker);
                }
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await act();
            for (var round = 0; round < 3; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        return reported;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FaultAndDrop(string marker)
    {
        var source = new TaskCompletionSource();
        source.SetException(new MarkerException(marker));
    }

    // Waits without observing: WhenAny never reads the fault, so only the library can have observed it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task SpawnFailingAndWaitAsync(string marker, bool inCallback)
    {
        var service = new DelegateService<int, int>(
            async _ =>
            {
                await Task.Yield();
                return inCallback ? CancellationResult<int>.Item(1) : throw new MarkerException(marker);
            },
            () => 0);
        var handle = inCallback
            ? service.SpawnWithCallback(CancellationToken.None, _ => throw new MarkerException(marker))
            : service.Spawn(CancellationToken.None);

        await Task.WhenAny(handle.Completion).WaitAsync(Bounds.Wait, Bounds.Token);
        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
    }
}

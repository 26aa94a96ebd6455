using System.Collections.Concurrent;

namespace OrleansGame.Cancellable.Tests;

public sealed class SpawnCallbackTests
{
    private static CancellationResult<int> Item(int value) => CancellationResult<int>.Item(value);

    [Fact]
    public async Task SpawnWithCallback_ManyItems_ReachCallbackInOrderProduced()
    {
        var expected = Enumerable.Range(0, 200).ToArray();
        var service = new ScriptedService([.. expected.Select(Item)]);
        var received = new List<int>();

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, item =>
        {
            received.Add(item);
            return true;
        });
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(expected, received);
        Assert.Equal(CancellableOutcome.Completed, handle.Outcome);
    }

    [Fact]
    public async Task SpawnWithCallback_ContinueResults_YieldNothingToCallback()
    {
        var @continue = CancellationResult<int>.Continue;
        var service = new ScriptedService(@continue, Item(5), @continue, @continue, Item(6), @continue);
        var received = new List<int>();

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, item =>
        {
            received.Add(item);
            return true;
        });
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal([5, 6], received);
        Assert.Equal(7, service.RunCount);
    }

    [Fact]
    public async Task Spawn_ServiceBreaks_CompletesNormallyWithOutcomeCompleted()
    {
        var service = new ScriptedService(Item(1), CancellationResult<int>.Break, Item(2));

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);
        await handle;

        Assert.Equal(CancellableOutcome.Completed, handle.Outcome);
        Assert.True(handle.Completion.IsCompletedSuccessfully);
        Assert.Equal(2, service.RunCount);
        Assert.Null(handle.RefusedItem);
    }

    [Fact]
    public async Task SpawnWithCallback_CallbackRefusesItem_StopsWithOutcomeRefusedAndReportsItem()
    {
        var service = new ScriptedService(Item(1), Item(2), Item(3));
        var received = new List<int>();

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, item =>
        {
            received.Add(item);
            return item != 2;
        });
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Refused, handle.Outcome);
        Assert.Equal(2, handle.RefusedItem);
        Assert.Equal([1, 2], received);
        Assert.Equal(2, service.RunCount);
        Assert.True(handle.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task SpawnWithCallback_AsyncCallbackRefusesItem_StopsWithOutcomeRefused()
    {
        var service = new ScriptedService(Item(7), Item(8));

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, async (item, ct) =>
        {
            await Task.Yield();
            return false;
        });
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Refused, handle.Outcome);
        Assert.Equal(7, handle.RefusedItem);
        Assert.Equal(1, service.RunCount);
    }

    [Fact]
    public async Task SpawnWithCallback_AsyncCallback_IsAwaitedBeforeNextRunAsync()
    {
        var callbackInProgress = 0;
        var overlaps = 0;
        var events = new ConcurrentQueue<string>();
        var index = 0;
        var service = new DelegateService<int, int>(
            _ =>
            {
                // Called synchronously by the loop: if the loop did not await the callback, the callback is still
                // between its yields when this runs.
                if (Volatile.Read(ref callbackInProgress) != 0)
                {
                    Interlocked.Increment(ref overlaps);
                }

                var next = Interlocked.Increment(ref index);
                events.Enqueue($"run{next}");
                return ValueTask.FromResult(next <= 3 ? Item(next) : CancellationResult<int>.Break);
            },
            () => 0);

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, async (item, ct) =>
        {
            Volatile.Write(ref callbackInProgress, 1);
            events.Enqueue($"start{item}");
            await Task.Yield();
            await Task.Yield();
            events.Enqueue($"end{item}");
            Volatile.Write(ref callbackInProgress, 0);
            return true;
        });
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(0, overlaps);
        Assert.Equal(
            ["run1", "start1", "end1", "run2", "start2", "end2", "run3", "start3", "end3", "run4"],
            events);
        Assert.Equal(CancellableOutcome.Completed, handle.Outcome);
    }

    [Fact]
    public async Task Spawn_ItemsWithoutCallback_AreAcceptedUntilBreak()
    {
        var service = new ScriptedService(Item(1), Item(2));

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Completed, handle.Outcome);
        Assert.Equal(3, service.RunCount);
    }
}

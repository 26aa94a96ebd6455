namespace OrleansGame.Cancellable.Tests;

public sealed class SpawnCancellationTests
{
    [Fact]
    public async Task Spawn_ParentTokenCancelled_StopsWithOutcomeCancelledWithoutThrowing()
    {
        using var parent = new CancellationTokenSource();
        var counter = new IdleService.StartCounter(1);
        var handle = new IdleService(counter).Spawn(parent.Token);
        await counter.AllStarted.WaitAsync(Bounds.Wait, Bounds.Token);
        Assert.Equal(CancellableOutcome.Running, handle.Outcome);

        await parent.CancelAsync();
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);
        await handle;

        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
        Assert.True(handle.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Spawn_ThousandServicesUnderOneToken_AllCompleteCancelledAfterOneCancel()
    {
        const int count = 1_000;
        using var root = new CancellationTokenSource();
        var counter = new IdleService.StartCounter(count);
        var handles = Enumerable.Range(0, count).Select(_ => new IdleService(counter).Spawn(root.Token)).ToList();
        await counter.AllStarted.WaitAsync(Bounds.Wait, Bounds.Token);

        await root.CancelAsync();
        await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.All(handles, h => Assert.Equal(CancellableOutcome.Cancelled, h.Outcome));
    }

    [Fact]
    public async Task Cancel_OneOfTwoSiblings_LeavesTheOtherRunning()
    {
        using var parent = new CancellationTokenSource();
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new ChannelService<int>(capacity: 4).Spawn(parent.Token);
        var sibling = new ChannelService<int>(capacity: 4)
            .SpawnWithCallback(parent.Token, item => received.TrySetResult(item));

        cancelled.Cancel();
        await cancelled.Completion.WaitAsync(Bounds.Wait, Bounds.Token);
        await sibling.Handle.WriteAsync(42, TestContext.Current.CancellationToken);

        Assert.Equal(42, await received.Task.WaitAsync(Bounds.Wait, Bounds.Token));
        Assert.Equal(CancellableOutcome.Cancelled, cancelled.Outcome);
        Assert.Equal(CancellableOutcome.Running, sibling.Outcome);
        await parent.CancelAsync();
        await sibling.Completion.WaitAsync(Bounds.Wait, Bounds.Token);
        Assert.Equal(CancellableOutcome.Cancelled, sibling.Outcome);
    }

    [Fact]
    public async Task SpawnWithCallback_ItemReturnedAfterCancellation_NeverReachesCallback()
    {
        using var parent = new CancellationTokenSource();
        var callbacks = 0;
        var service = new DelegateService<int, int>(
            async _ =>
            {
                // The crate's race: the result is ready at the moment cancellation is requested.
                await parent.CancelAsync();
                return CancellationResult<int>.Item(1);
            },
            () => 0);

        var handle = service.SpawnWithCallback(parent.Token, _ =>
        {
            Interlocked.Increment(ref callbacks);
            return true;
        });
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(0, callbacks);
        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
        Assert.Equal(1, handle.AbandonedItem);
    }

    [Fact]
    public async Task Cancelled_WithNoItemInHand_AbandonsNothing()
    {
        using var parent = new CancellationTokenSource();
        var service = new DelegateService<int, int>(
            async _ =>
            {
                await parent.CancelAsync();
                return CancellationResult<int>.Continue;
            },
            () => 0);

        var handle = service.SpawnWithCallback(parent.Token, _ => true);
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
        Assert.Null(handle.AbandonedItem);
    }

    [Fact]
    public async Task Cancel_WhileRunAsyncInFlight_CancelsTheTokenRunAsyncReceived()
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = false;
        var service = new DelegateService<int, int>(
            async ct =>
            {
                started.TrySetResult(ct);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    sawCancellation = true;
                    throw;
                }

                return CancellationResult<int>.Continue;
            },
            () => 0);

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        var token = await started.Task.WaitAsync(Bounds.Wait, Bounds.Token);
        Assert.False(token.IsCancellationRequested);
        handle.Cancel();
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.True(token.IsCancellationRequested);
        Assert.True(sawCancellation);
        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
    }

    [Fact]
    public async Task Cancel_DuringAsyncCallback_NoFurtherRunAsync()
    {
        var inCallback = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new ScriptedService(CancellationResult<int>.Item(1), CancellationResult<int>.Item(2));

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, async (_, _) =>
        {
            inCallback.TrySetResult();
            await release.Task;
            return true;
        });
        await inCallback.Task.WaitAsync(Bounds.Wait, Bounds.Token);
        handle.Cancel();
        release.SetResult();
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(1, service.RunCount);
        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
    }

    [Fact]
    public async Task Spawn_ChildUnderServiceToken_StopsWhenParentServiceIsCancelled()
    {
        var childCounter = new IdleService.StartCounter(1);
        CancellableHandle<int>? child = null;
        var parentService = new DelegateService<int, int>(
            async ct =>
            {
                child ??= new IdleService(childCounter).Spawn(ct);
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return CancellationResult<int>.Continue;
            },
            () => 0);

        var parent = parentService.Spawn(TestContext.Current.CancellationToken);
        await childCounter.AllStarted.WaitAsync(Bounds.Wait, Bounds.Token);
        parent.Cancel();
        await parent.Completion.WaitAsync(Bounds.Wait, Bounds.Token);
        await child!.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Cancelled, parent.Outcome);
        Assert.Equal(CancellableOutcome.Cancelled, child.Outcome);
    }

    [Fact]
    public async Task DisposeAsync_RunningService_CancelsAndWaitsForIt()
    {
        var counter = new IdleService.StartCounter(1);
        var handle = new IdleService(counter).Spawn(TestContext.Current.CancellationToken);
        await counter.AllStarted.WaitAsync(Bounds.Wait, Bounds.Token);

        await handle.DisposeAsync().AsTask().WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
        Assert.True(handle.Completion.IsCompleted);
    }
}

namespace OrleansGame.Cancellable.Tests;

public sealed class SpawnFailureTests
{
    [Fact]
    public async Task Spawn_RunAsyncThrowsAfterAwait_FaultsCompletionWithThatException()
    {
        var thrown = new MarkerException("async");
        var service = new DelegateService<int, int>(
            async _ =>
            {
                await Task.Yield();
                throw thrown;
            },
            () => 0);

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        var caught = await Assert.ThrowsAsync<MarkerException>(() => handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token));

        Assert.Same(thrown, caught);
        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
    }

    [Fact]
    public async Task Spawn_RunAsyncThrowsSynchronously_FaultsCompletionInsteadOfEscapingSpawn()
    {
        var thrown = new MarkerException("sync");
        var service = new DelegateService<int, int>(_ => throw thrown, () => 0);

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        var caught = await Assert.ThrowsAsync<MarkerException>(async () => await handle);

        Assert.Same(thrown, caught);
        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
    }

    [Fact]
    public async Task SpawnWithCallback_CallbackThrows_FaultsCompletionWithThatException()
    {
        var thrown = new MarkerException("callback");
        var service = new ScriptedService(CancellationResult<int>.Item(1), CancellationResult<int>.Item(2));

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, _ => throw thrown);
        var caught = await Assert.ThrowsAsync<MarkerException>(() => handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token));

        Assert.Same(thrown, caught);
        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
        Assert.Equal(1, service.RunCount);
    }

    [Fact]
    public async Task SpawnWithCallback_AsyncCallbackThrows_FaultsCompletionWithThatException()
    {
        var thrown = new MarkerException("async-callback");
        var service = new ScriptedService(CancellationResult<int>.Item(1));

        var handle = service.SpawnWithCallback(TestContext.Current.CancellationToken, async (_, _) =>
        {
            await Task.Yield();
            throw thrown;
        });
        var caught = await Assert.ThrowsAsync<MarkerException>(() => handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token));

        Assert.Same(thrown, caught);
        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
    }

    [Fact]
    public async Task Spawn_RunAsyncThrowsCancellationNotCausedByItsToken_IsFailedNotCancelled()
    {
        using var unrelated = new CancellationTokenSource();
        await unrelated.CancelAsync();
        var service = new DelegateService<int, int>(
            _ => throw new OperationCanceledException(unrelated.Token),
            () => 0);

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<OperationCanceledException>(() => handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token));

        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
        Assert.True(handle.Completion.IsFaulted);
    }

    [Fact]
    public async Task DisposeAsync_FailedService_DoesNotThrow()
    {
        var service = new DelegateService<int, int>(_ => throw new MarkerException("dispose"), () => 0);

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        await Task.WhenAny(handle.Completion).WaitAsync(Bounds.Wait, Bounds.Token);
        await handle.DisposeAsync().AsTask().WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
    }
}

namespace OrleansGame.Cancellable.Tests;

public sealed class ChannelServiceTests
{
    [Fact]
    public async Task ChannelService_OnlyWriterCompleted_DeliversRemainingItemsThenCompletes()
    {
        var received = new List<int>();
        var handle = new ChannelService<int>(capacity: 8)
            .SpawnWithCallback(TestContext.Current.CancellationToken, item =>
            {
                received.Add(item);
                return true;
            });

        for (var i = 0; i < 20; i++)
        {
            await handle.Handle.WriteAsync(i, TestContext.Current.CancellationToken);
        }

        handle.Handle.Complete();
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(Enumerable.Range(0, 20), received);
        Assert.Equal(CancellableOutcome.Completed, handle.Outcome);
    }

    [Fact]
    public async Task ChannelService_WriterCompletedWithError_FailsWithThatError()
    {
        var error = new MarkerException("writer");
        var handle = new ChannelService<int>(capacity: 1).Spawn(TestContext.Current.CancellationToken);

        handle.Handle.Complete(error);
        var caught = await Assert.ThrowsAsync<MarkerException>(() => handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token));

        Assert.Same(error, caught);
        Assert.Equal(CancellableOutcome.Failed, handle.Outcome);
    }

    [Fact]
    public async Task ChannelService_ConsumerBusy_BoundedWriterRefusesBeyondCapacity()
    {
        var inCallback = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handle = new ChannelService<int>(capacity: 2)
            .SpawnWithCallback(TestContext.Current.CancellationToken, async (_, _) =>
            {
                inCallback.TrySetResult();
                await release.Task;
                return true;
            });

        Assert.True(handle.Handle.TryWrite(1));
        await inCallback.Task.WaitAsync(Bounds.Wait, Bounds.Token);
        Assert.True(handle.Handle.TryWrite(2));
        Assert.True(handle.Handle.TryWrite(3));

        Assert.False(handle.Handle.TryWrite(4));
        var pending = handle.Handle.WriteAsync(4, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        release.SetResult();
        await pending.AsTask().WaitAsync(Bounds.Wait, Bounds.Token);
    }

    [Fact]
    public void ChannelService_CapacityBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelService<int>(capacity: 0));
}

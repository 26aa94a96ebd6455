namespace OrleansGame.Cancellable.Tests;

public sealed class CreateHandleTests
{
    [Fact]
    public async Task Spawn_AnyService_CallsCreateHandleExactlyOnceBeforeFirstRunAsync()
    {
        var service = new ScriptedService(CancellationResult<int>.Item(1), CancellationResult<int>.Continue);

        var handle = service.Spawn(TestContext.Current.CancellationToken);
        Assert.Equal(1, service.CreateHandleCount);
        _ = handle.Handle;
        _ = handle.Handle;
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(ScriptedService.HandleValue, handle.Handle);
        Assert.Equal(1, service.CreateHandleCount);
        Assert.Equal(["create-handle", "run", "run", "run"], service.Calls);
    }

    [Fact]
    public async Task Spawn_ParentAlreadyCancelled_CreatesHandleButNeverRuns()
    {
        var service = new ScriptedService(CancellationResult<int>.Item(1));

        var handle = service.Spawn(new CancellationToken(canceled: true));
        await handle.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Cancelled, handle.Outcome);
        Assert.Equal(1, service.CreateHandleCount);
        Assert.Equal(0, service.RunCount);
    }
}

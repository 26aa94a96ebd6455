namespace OrleansGame.Cancellable.Tests;

public sealed class IdleThreadTests
{
    [Fact]
    public async Task Spawn_ThousandIdleServices_BlockNoThreads()
    {
        const int count = 1_000;
        // Generous: other test classes run in parallel and may grow the pool a little; a thread per waiting
        // service would add hundreds (or, with pool injection this slow, never let them all start).
        const int allowedGrowth = 40;
        using var root = new CancellationTokenSource();
        var counter = new IdleService.StartCounter(count);
        var before = ThreadPool.ThreadCount;

        var handles = Enumerable.Range(0, count).Select(_ => new IdleService(counter).Spawn(root.Token)).ToList();
        await counter.AllStarted.WaitAsync(Bounds.Wait, Bounds.Token);
        var after = ThreadPool.ThreadCount;
        await root.CancelAsync();
        await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(Bounds.Wait, Bounds.Token);

        TestContext.Current.TestOutputHelper?.WriteLine($"thread pool threads: {before} before, {after} with {count} idle services");
        Assert.InRange(after - before, int.MinValue, allowedGrowth);
    }
}

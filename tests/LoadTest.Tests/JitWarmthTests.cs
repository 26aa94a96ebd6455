using OrleansGame.LoadTest.Coordinator;

namespace OrleansGame.LoadTest.Tests;

/// <summary>
/// The wait for a server's JIT before a window opens: a server too busy to answer its <c>/metrics</c> is asked again,
/// not measured cold.
/// </summary>
public sealed class JitWarmthTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task WaitAsync_AServerThatAnswersOnlyOnceWarm_IsWaitedForUntilItSettles()
    {
        // A cold server under a new load of 700 bots missed the reader's timeout at first: the window opened at once.
        var reads = new Queue<double?>([null, null, null, 1_000, 1_000, 1_000, 1_000]);

        var (_, settled) = await JitWarmth.WaitAsync(() => Task.FromResult(reads.Count > 0 ? reads.Dequeue() : 1_000), TimeSpan.FromSeconds(30), Step);

        Assert.True(settled);
        Assert.Empty(reads);
    }

    [Fact]
    public async Task WaitAsync_AReadThatFailsBetweenQuietSteps_StartsTheQuietCountAgain()
    {
        var reads = new Queue<double?>([1_000, 1_000, 1_000, null, 1_000, 1_000, 1_000, 1_000]);

        var (_, settled) = await JitWarmth.WaitAsync(() => Task.FromResult(reads.Count > 0 ? reads.Dequeue() : 1_000), TimeSpan.FromSeconds(30), Step);

        Assert.True(settled);
        Assert.Empty(reads);
    }

    [Fact]
    public async Task WaitAsync_AServerStillCompiling_IsMeasuredAnywayAfterTheBound()
    {
        var compiled = 0.0;

        var (seconds, settled) = await JitWarmth.WaitAsync(() => Task.FromResult<double?>(compiled += 100), TimeSpan.FromMilliseconds(200), Step);

        Assert.False(settled);
        Assert.InRange(seconds, 0.2, 30);
    }

    [Fact]
    public async Task WaitAsync_AServerThatNeverAnswers_IsNotObservableAfterTheBound()
    {
        var (seconds, settled) = await JitWarmth.WaitAsync(() => Task.FromResult<double?>(null), TimeSpan.FromMilliseconds(200), Step);

        Assert.Null(settled);
        Assert.InRange(seconds, 0.2, 30);
    }
}

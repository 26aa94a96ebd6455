namespace OrleansGame.Cancellable.Tests;

/// Waits for cancellation in RunAsync (no thread held) and counts how many instances have started waiting.
internal sealed class IdleService(IdleService.StartCounter counter) : ICancellable<int, int>
{
    public async ValueTask<CancellationResult<int>> RunAsync(CancellationToken cancellationToken)
    {
        counter.Signal();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        return CancellationResult<int>.Continue;
    }

    public int CreateHandle() => 0;

    /// Completes <see cref="AllStarted"/> once the expected number of services are inside RunAsync.
    internal sealed class StartCounter(int expected)
    {
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public Task AllStarted => _allStarted.Task;

        public void Signal()
        {
            if (Interlocked.Increment(ref _started) == expected)
            {
                _allStarted.SetResult();
            }
        }
    }
}

using System.Globalization;

namespace OrleansGame.Cancellable.Tests;

/// Plays a step script; the cancel steps cancel the parent token from inside RunAsync.
internal sealed class StepService(IReadOnlyList<Step> steps, CancellationTokenSource parent) : ICancellable<int, int>
{
    private int _runCount;

    public int RunCount => Volatile.Read(ref _runCount);

    public int CreateHandle() => 0;

    public ValueTask<CancellationResult<int>> RunAsync(CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _runCount) - 1;
        if (index >= steps.Count)
        {
            return ValueTask.FromResult(CancellationResult<int>.Break);
        }

        return steps[index].Kind == StepKind.ThrowSync
            ? throw new MarkerException(index.ToString(CultureInfo.InvariantCulture))
            : PlayAsync(steps[index], index, cancellationToken);
    }

    private async ValueTask<CancellationResult<int>> PlayAsync(Step step, int index, CancellationToken cancellationToken)
    {
        if (step.Yield)
        {
            await Task.Yield();
        }

        switch (step.Kind)
        {
            case StepKind.Continue:
                return CancellationResult<int>.Continue;
            case StepKind.Break:
                return CancellationResult<int>.Break;
            case StepKind.Throw:
                throw new MarkerException(index.ToString(CultureInfo.InvariantCulture));
            case StepKind.Cancel:
                await parent.CancelAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                return CancellationResult<int>.Continue;
            case StepKind.CancelThenItem:
                await parent.CancelAsync();
                return CancellationResult<int>.Item(step.Value);
            default:
                return CancellationResult<int>.Item(step.Value);
        }
    }
}

using System.Diagnostics;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// Values as they arrive (states a player is sent), each with its <see cref="Stopwatch"/> timestamp, and a bounded wait
/// for the arrivals a test expects. Safe to add to from any thread while a test waits.
/// </summary>
public sealed class Arrivals<T>
{
    private readonly Lock gate = new();
    private readonly List<(T Value, long At)> values = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What arrived so far, oldest first.</summary>
    public IReadOnlyList<(T Value, long At)> All
    {
        get
        {
            lock (gate)
            {
                return [.. values];
            }
        }
    }

    /// <summary>Records <paramref name="value"/> as arrived now and wakes the waits.</summary>
    public void Add(T value)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            values.Add((value, Stopwatch.GetTimestamp()));
            signal = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>
    /// Waits, with a bound, until what arrived satisfies <paramref name="done"/>; on timeout the message names
    /// <paramref name="what"/> and adds <paramref name="describe"/> of what arrived.
    /// </summary>
    public async Task WaitForAsync(
        Func<IReadOnlyList<(T Value, long At)>, bool> done, string what, TimeSpan timeout, Func<IReadOnlyList<(T Value, long At)>, string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (done(values))
                {
                    return;
                }

                signal = changed.Task;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; {describe(All)}");
            }

            try
            {
                await signal.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported.
            }
        }
    }
}

using System.Diagnostics;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// Reads, with a bound, state that no event announces: a process's HTTP endpoint coming up, stats a grain writes after
/// a one-way call, a cluster member restarting. The one place these suites poll.
/// </summary>
public static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads until <paramref name="done"/> holds and returns that value; a read that throws an exception
    /// <paramref name="transient"/> accepts counts as "not yet". Fails after <paramref name="timeout"/>, or at once when
    /// <paramref name="gone"/> says what it waits on has gone, naming <paramref name="what"/> and the last value read.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan timeout, Func<Exception, bool>? transient = null, Func<bool>? gone = null)
    {
        var clock = Stopwatch.StartNew();
        T last = default!;
        while (true)
        {
            try
            {
                last = await read();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (transient?.Invoke(e) == true)
            {
                // Not there yet: ask again.
            }

            if (clock.Elapsed >= timeout || gone?.Invoke() == true)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}; last: {last}");
            }

            await Task.Delay(Interval);
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// How warm a server's code is, from the methods its JIT has compiled (the runtime's own counter, which the gateway,
/// the silo and the bare hub publish at <c>/metrics</c>; the processes of a split target count together). A server on
/// one busy core keeps compiling for a minute or more after its load starts: every hot method is compiled at tier 0,
/// again instrumented, and again optimized, on one background thread that competes with the load. A window measured
/// meanwhile measures the compiler and unoptimized code, and two builds compared that way differ by how far each got.
/// </summary>
internal static class JitWarmth
{
    /// <summary>The counter: every compilation, tier changes included.</summary>
    public const string Metric = "dotnet_jit_compiled_methods_total";

    /// <summary>Below this many compilations a second, the server runs the code it will keep running.</summary>
    public const double SettledPerSecond = 5;

    /// <summary>
    /// How many 5 s steps in a row must stay below <see cref="SettledPerSecond"/>: one quiet step can be a lull, the
    /// compiler's thread starved by a saturated core, with hundreds of methods a second still to come.
    /// </summary>
    public const int QuietSteps = 3;

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    /// <summary>How long the compiler must stay below <see cref="SettledPerSecond"/>: <see cref="QuietSteps"/> steps.</summary>
    public static TimeSpan QuietTime => Step * QuietSteps;

    /// <summary><see cref="WaitAsync(HttpClient, IReadOnlyList{ServerProcess}, TimeSpan)"/> with its own client, saying on the console what it waited for.</summary>
    public static async Task<(double Seconds, bool? Settled)> SettleAsync(string target, IReadOnlyList<ServerProcess> servers, TimeSpan max)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var settle = await WaitAsync(http, servers, max);
        var said = settle.Settled switch
        {
            true => $"JIT settled after {settle.Seconds:F0} s more",
            false => $"JIT still compiling after {settle.Seconds:F0} s more; measuring anyway",
            null when max > TimeSpan.Zero => "JIT not observable (no /metrics counter); measuring without waiting for it",
            null => "",
        };
        if (said.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {target}: {said}"));
        }

        return settle;
    }

    /// <summary>Methods compiled so far by <paramref name="servers"/> together; null when none publishes the counter.</summary>
    public static Task<double?> ReadAsync(HttpClient http, IReadOnlyList<ServerProcess> servers) => ServerMetrics.SumAsync(http, servers, Metric);

    /// <summary>
    /// Waits until the servers together compiled fewer than <see cref="SettledPerSecond"/> methods a second in each of
    /// <see cref="QuietSteps"/> five-second steps in a row, or for <paramref name="max"/>; returns how long it waited,
    /// and whether they settled (null: no server said, however long it was asked).
    /// </summary>
    public static Task<(double Seconds, bool? Settled)> WaitAsync(HttpClient http, IReadOnlyList<ServerProcess> servers, TimeSpan max) =>
        WaitAsync(() => ReadAsync(http, servers), max, Step);

    /// <summary>
    /// <see cref="WaitAsync(HttpClient, IReadOnlyList{ServerProcess}, TimeSpan)"/> over <paramref name="read"/> (the
    /// methods compiled so far, null when no server answered) in steps of <paramref name="step"/>. A server that does not
    /// answer is asked again at the next step: a cold one that a new load keeps busy can miss the reader's timeout for a
    /// while, and measuring it then would measure its compiler (it counts as still compiling).
    /// </summary>
    internal static async Task<(double Seconds, bool? Settled)> WaitAsync(Func<Task<double?>> read, TimeSpan max, TimeSpan step)
    {
        if (max <= TimeSpan.Zero)
        {
            return (0, null);
        }

        var started = Stopwatch.GetTimestamp();
        var before = await read();
        var stepStarted = Stopwatch.GetTimestamp();
        var answered = before is not null;
        var quiet = 0;
        while (true)
        {
            await Task.Delay(step);
            var after = await read();
            var now = Stopwatch.GetTimestamp();
            answered |= after is not null;
            quiet = before is { } b && after is { } a && (a - b) / Stopwatch.GetElapsedTime(stepStarted, now).TotalSeconds < SettledPerSecond
                ? quiet + 1
                : 0;
            var waited = Stopwatch.GetElapsedTime(started, now);
            if (quiet >= QuietSteps)
            {
                return (waited.TotalSeconds, true);
            }

            if (waited >= max)
            {
                return (waited.TotalSeconds, answered ? false : null);
            }

            (before, stepStarted) = (after, now);
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansGame.Grains.Hosting;

/// <summary>
/// Runs every thread of the process under Linux's <c>SCHED_BATCH</c> policy: a thread that wakes (a socket's data, a
/// timer, a queued work item) no longer preempts the one running, but waits for it to block or use up its slice. On a
/// server's few cores the process's own threads otherwise take the core from each other thousands of times a second;
/// pinned to one core at 400 players the gateway was preempted about 2,500 times a second (about 600 under the policy)
/// and used 13% less CPU on average over six alternating pairs of runs, with the same input-to-ack p99
/// (docs/benchmarks.md). Nice values and CPU shares stay as they were; only Linux has the policy.
/// </summary>
public static partial class BatchScheduling
{
    /// <summary>The setting that turns it off: <c>Runtime:BatchScheduling=false</c>. Default true.</summary>
    public const string Setting = "Runtime:BatchScheduling";

    // sched.h
    private const int SchedBatch = 3;

    // errno.h: no such thread (it ended after the pass read /proc).
    private const int Esrch = 3;

    /// <summary>
    /// Moves the process's threads to <c>SCHED_BATCH</c> as the host starts, and any new one within two seconds, on
    /// Linux, unless <see cref="Setting"/> is false.
    /// </summary>
    public static IHostApplicationBuilder AddBatchScheduling(this IHostApplicationBuilder builder)
    {
        if (OperatingSystem.IsLinux() && builder.Configuration.GetValue(Setting, true))
        {
            builder.Services.AddHostedService<BatchSchedulingService>();
        }

        return builder;
    }

    /// <summary>
    /// Moves every thread the process has now to <c>SCHED_BATCH</c>. Threads started afterwards inherit it from the
    /// thread that starts them; the service passes over them again every two seconds for any that did not.
    /// </summary>
    /// <returns>How many threads were moved, and how many refused it; a thread that ended meanwhile is neither.</returns>
    private static (int Moved, int Failed) Apply()
    {
        var parameters = new SchedParam();
        int moved = 0, failed = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var thread))
            {
                if (SetScheduler(thread, SchedBatch, ref parameters) == 0)
                {
                    moved++;
                }
                else if (Marshal.GetLastPInvokeError() != Esrch)
                {
                    failed++;
                }
            }
        }

        return (moved, failed);
    }

    [DllImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static extern int SetScheduler(int thread, int policy, ref SchedParam parameters);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        // Must be 0 for SCHED_BATCH.
        public int Priority;
    }

    private sealed partial class BatchSchedulingService(ILogger<BatchSchedulingService> logger) : BackgroundService
    {
        // A thread can escape a pass: started by one not yet moved, or seen in /proc only after the pass read it.
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

        public override Task StartAsync(CancellationToken cancellationToken)
        {
            var (moved, failed) = Apply();
            LogApplied(logger, moved, failed);
            return base.StartAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Apply();
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Threads run under SCHED_BATCH: {Moved} moved, {Failed} not (Runtime:BatchScheduling=false turns it off)")]
        private static partial void LogApplied(ILogger logger, int moved, int failed);
    }
}

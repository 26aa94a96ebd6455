using System.Diagnostics;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Bots;

/// <summary>
/// Measures the generator against itself: every 10 ms it asks for a 10 ms delay and records how much later than
/// that it ran (timer, thread-pool queue, collections). A bot's latencies include this lag, so a window whose
/// lag is high says as much about the generator as about the server.
/// </summary>
internal sealed class LagProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    /// <summary>Starts probing into <paramref name="metrics"/> (recorded only while its window is open).</summary>
    public LagProbe(FleetMetrics metrics) => loop = RunAsync(metrics, stopping.Token);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }

    private static async Task RunAsync(FleetMetrics metrics, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var asked = Stopwatch.GetTimestamp();
                await Task.Delay(Interval, cancellationToken);
                if (metrics.Recording)
                {
                    metrics.GeneratorLag.Record((Stopwatch.GetElapsedTime(asked) - Interval).TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

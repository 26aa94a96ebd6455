using System.Diagnostics;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// The raw bots of one generator process: each has one receive loop; one shared timer loop sends every bot's input at
/// 20 Hz, the bots spread over five 10 ms slots of the 50 ms period so that they do not all send in the same
/// millisecond.
/// </summary>
internal sealed class RawFleet(Uri server, bool messagePack, int connectParallelism, bool compactState = false) : IBotFleet
{
    private const int Slots = 5;
    private static readonly TimeSpan SlotLength = TimeSpan.FromMilliseconds(10);

    private HttpClient http = NewHttpClient();
    private readonly CancellationTokenSource stopping = new();
    private RawBot[] bots = [];
    private int nextIndex;
    private Task? inputs;
    private long windowStart;

    /// <inheritdoc/>
    public FleetMetrics Metrics { get; } = new();

    /// <inheritdoc/>
    public int Connected => Volatile.Read(ref bots).Count(static b => b.IsConnected);

    /// <inheritdoc/>
    public async Task<int> AddAsync(int count, CancellationToken cancellationToken)
    {
        var fresh = Enumerable.Range(nextIndex, count).Select(i => new RawBot(i, server, http, messagePack, Metrics, compactState)).ToArray();
        nextIndex += count;
        // Published before they start: the timer sends only for bots that have joined.
        Volatile.Write(ref bots, [.. bots, .. fresh]);
        inputs ??= SendInputsAsync(stopping.Token);
        var started = 0;
        await Parallel.ForEachAsync(
            fresh,
            new ParallelOptions { MaxDegreeOfParallelism = connectParallelism, CancellationToken = cancellationToken },
            async (bot, ct) =>
            {
                if (await bot.StartAsync(ct))
                {
                    Interlocked.Increment(ref started);
                }
            });
        return started;
    }

    /// <inheritdoc/>
    public void Begin()
    {
        windowStart = Stopwatch.GetTimestamp();
        Metrics.Begin();
    }

    /// <inheritdoc/>
    public WorkerWindow End()
    {
        Metrics.End();
        var seconds = Stopwatch.GetElapsedTime(windowStart).TotalSeconds;
        var generation = Metrics.Generation;
        return Metrics.Export(Connected, seconds, Volatile.Read(ref bots).Sum(b => b.TicksSpanned(generation)));
    }

    /// <inheritdoc/>
    public async Task ClearAsync()
    {
        var leaving = Interlocked.Exchange(ref bots, []);
        await Parallel.ForEachAsync(leaving, new ParallelOptions { MaxDegreeOfParallelism = 64 }, static async (bot, _) => await bot.DisposeAsync());
        // Its pooled connections (the sessions' requests) would hold sockets on the server's port through the rest.
        http.Dispose();
        http = NewHttpClient();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (inputs is not null)
        {
            await inputs;
        }

        await ClearAsync();
        http.Dispose();
        stopping.Dispose();
    }

    private async Task SendInputsAsync(CancellationToken cancellationToken)
    {
        var random = new Random(Environment.ProcessId);
        var waiting = new List<Task>();
        using var timer = new PeriodicTimer(SlotLength);
        var started = Stopwatch.GetTimestamp();
        long handled = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // Every slot that came due since the last run is sent, late rather than never (the timer drops the
                // ticks it missed); a loop more than a period behind gives up the oldest, so no bot sends two at once.
                var due = Stopwatch.GetElapsedTime(started).Ticks / SlotLength.Ticks;
                handled = Math.Max(handled, due - Slots);
                for (; handled < due; handled++)
                {
                    var slot = (int)(handled % Slots);
                    foreach (var bot in Volatile.Read(ref bots))
                    {
                        if (bot.Index % Slots != slot || !bot.Joined)
                        {
                            continue;
                        }

                        // Most sends complete at once (the kernel takes the bytes); the rest are awaited together.
                        var send = bot.SendInputAsync(random);
                        if (!send.IsCompletedSuccessfully)
                        {
                            waiting.Add(send.AsTask());
                        }
                    }
                }

                if (waiting.Count > 0)
                {
                    await Task.WhenAll(waiting);
                    waiting.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static HttpClient NewHttpClient() => new() { Timeout = TimeSpan.FromSeconds(30) };
}

using System.Diagnostics;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Bots;

/// <summary>The bots of one generator process, added in batches, all stopped together.</summary>
internal sealed class BotFleet(Uri server, bool messagePack, int connectParallelism) : IAsyncDisposable
{
    private readonly List<Bot> bots = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private long windowStart;

    /// <summary>The fleet's observations.</summary>
    public FleetMetrics Metrics { get; } = new();

    /// <summary>Bots whose connection is up.</summary>
    public int Connected => bots.Count(static b => b.IsConnected);

    /// <summary>Starts <paramref name="count"/> more bots, a few at a time; returns how many started.</summary>
    public async Task<int> AddAsync(int count, CancellationToken cancellationToken)
    {
        var started = 0;
        var first = bots.Count;
        var fresh = Enumerable.Range(first, count).Select(i => new Bot(i + (Environment.ProcessId * 100_000), server, http, messagePack, Metrics)).ToList();
        bots.AddRange(fresh);
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

    /// <summary>Opens the steady window.</summary>
    public void Begin()
    {
        windowStart = Stopwatch.GetTimestamp();
        Metrics.Begin();
    }

    /// <summary>Closes the steady window and reports it.</summary>
    public WorkerWindow End()
    {
        Metrics.End();
        var seconds = Stopwatch.GetElapsedTime(windowStart).TotalSeconds;
        var generation = Metrics.Generation;
        return Metrics.Export(Connected, seconds, bots.Sum(b => b.TicksSpanned(generation)));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(bots, new ParallelOptions { MaxDegreeOfParallelism = 64 }, static async (bot, _) => await bot.DisposeAsync());
        bots.Clear();
        http.Dispose();
    }
}

using System.Diagnostics;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Bots;

/// <summary>The bots of one generator process, added in batches, all stopped together.</summary>
internal sealed class BotFleet(Uri server, bool messagePack, int connectParallelism) : IBotFleet
{
    private readonly List<Bot> bots = [];
    private HttpClient http = NewHttpClient();
    private long windowStart;

    // The last round of joins: every bot, and its attempt (null: not connected when the round began).
    private List<(Bot Bot, JoinAttempt? Attempt)> round = [];

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

    /// <summary>Starts <paramref name="count"/> more bots that only connect (no join, no input), a few at a time; returns how many connected.</summary>
    public async Task<int> ConnectAsync(int count, CancellationToken cancellationToken)
    {
        var connected = 0;
        var fresh = Enumerable.Range(bots.Count, count).Select(i => new Bot(i + (Environment.ProcessId * 100_000), server, http, messagePack, Metrics, readsSnapshots: false)).ToList();
        bots.AddRange(fresh);
        await Parallel.ForEachAsync(
            fresh,
            new ParallelOptions { MaxDegreeOfParallelism = connectParallelism, CancellationToken = cancellationToken },
            async (bot, ct) =>
            {
                if (await bot.ConnectAsync(ct))
                {
                    Interlocked.Increment(ref connected);
                }
            });
        return connected;
    }

    /// <summary>
    /// One round: every connected bot sends its quick join at once (no bot waits for another), then the round waits for
    /// every answer (each bounded by <paramref name="timeout"/>) and reports them.
    /// </summary>
    public async Task<JoinWindow> JoinAllAsync(TimeSpan timeout)
    {
        var ready = bots.Where(static b => b.IsConnected).ToList();
        Metrics.Begin();
        var gcBefore = GC.GetTotalPauseDuration();
        var attempts = new Task<JoinAttempt>[ready.Count];
        for (var i = 0; i < ready.Count; i++)
        {
            attempts[i] = ready[i].JoinAsync(timeout);
        }

        var answers = await Task.WhenAll(attempts);
        Metrics.End();
        var byBot = ready.Zip(answers).ToDictionary(static p => p.First, static p => p.Second);
        round = [.. bots.Select(b => (b, byBot.TryGetValue(b, out var a) ? a : null))];

        var latency = new Histogram();
        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        var rooms = new Dictionary<string, int>(StringComparer.Ordinal);
        var rosters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (answer.RoomId is { } room)
            {
                latency.Record(Stopwatch.GetElapsedTime(answer.SentAt, answer.AnsweredAt).TotalMilliseconds);
                rooms[room] = rooms.GetValueOrDefault(room) + 1;
                rosters[room] = Math.Max(rosters.GetValueOrDefault(room), answer.RosterSize);
            }
            else
            {
                failures[answer.Failure!] = failures.GetValueOrDefault(answer.Failure!) + 1;
            }
        }

        return new JoinWindow(
            answers.Length,
            answers.Count(static a => a.RoomId is not null),
            answers.Length == 0 ? 0 : answers.Min(static a => a.SentAt),
            answers.Length == 0 ? 0 : answers.Max(static a => a.AnsweredAt),
            latency.Export(),
            failures,
            rooms,
            rosters,
            answers.Select(static a => a.Capacity).DefaultIfEmpty(0).Max(),
            Metrics.GeneratorLag.Export(),
            (GC.GetTotalPauseDuration() - gcBefore).TotalMilliseconds);
    }

    /// <summary>What became of the last round's bots: seated and still connected, or why not.</summary>
    public JoinOutcome Outcome()
    {
        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        var joined = 0;
        foreach (var (bot, attempt) in round)
        {
            var failure = attempt is null ? "not_connected"
                : bot.ClosingReason is { } reason ? $"closing_{reason}"
                : attempt.Failure is { } code ? $"join_{code}"
                : bot.Dropped ? "disconnected"
                : null;
            if (failure is null)
            {
                joined++;
            }
            else
            {
                failures[failure] = failures.GetValueOrDefault(failure) + 1;
            }
        }

        return new JoinOutcome(joined, failures);
    }

    /// <summary>Every bot seated in the last round leaves its room, a few at a time; returns how many left.</summary>
    public async Task<int> LeaveAllAsync(CancellationToken cancellationToken)
    {
        var left = 0;
        await Parallel.ForEachAsync(
            round.Where(static r => r.Attempt?.RoomId is not null && r.Bot.IsConnected).Select(static r => r.Bot),
            new ParallelOptions { MaxDegreeOfParallelism = connectParallelism, CancellationToken = cancellationToken },
            async (bot, ct) =>
            {
                if (await bot.LeaveAsync(ct))
                {
                    Interlocked.Increment(ref left);
                }
            });
        return left;
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
    public async Task ClearAsync()
    {
        await Parallel.ForEachAsync(bots, new ParallelOptions { MaxDegreeOfParallelism = 64 }, static async (bot, _) => await bot.DisposeAsync());
        bots.Clear();
        round = [];
        // Its pooled connections (the sessions' requests) would hold sockets on the server's port through the rest.
        http.Dispose();
        http = NewHttpClient();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await ClearAsync();
        http.Dispose();
    }

    private static HttpClient NewHttpClient() => new() { Timeout = TimeSpan.FromSeconds(30) };
}

using System.Collections.Concurrent;

namespace OrleansGame.LoadTest.Metrics;

/// <summary>What the bots of one generator process observe; only the steady window is recorded.</summary>
internal sealed class FleetMetrics
{
    private readonly ConcurrentDictionary<string, long> errors = new(StringComparer.Ordinal);
    private long snapshots;
    private long inputsSent;
    private long missedTicks;
    private long disconnects;
    private TimeSpan gcPauseAtBegin;
    private volatile bool recording;

    /// <summary>Input sent to the first snapshot acknowledging it.</summary>
    public Histogram InputToAck { get; } = new();

    /// <summary>Snapshot server time to arrival at the bot (same clock: loopback).</summary>
    public Histogram SnapshotDelay { get; } = new();

    /// <summary>The bot's own round trip as the server reports it (<c>rttMs</c>).</summary>
    public Histogram ServerRtt { get; } = new();

    /// <summary>
    /// From the bot's WebSocket completing the last message to the snapshot handler running: the SignalR client's
    /// parsing and dispatch in the generator (a lower bound when several messages arrived before the handler ran).
    /// </summary>
    public Histogram ReceiveToHandler { get; } = new();

    /// <summary>How late this process's own timers and thread pool run (see <see cref="Bots.LagProbe"/>).</summary>
    public Histogram GeneratorLag { get; } = new();

    /// <summary>Whether the window is open.</summary>
    public bool Recording => recording;

    /// <summary>Counts the windows opened, so that a bot can tell a new window from the one it last saw.</summary>
    public int Generation { get; private set; }

    /// <summary>Clears the window's numbers (errors and disconnects stay cumulative) and opens the window.</summary>
    public void Begin()
    {
        InputToAck.Reset();
        SnapshotDelay.Reset();
        ServerRtt.Reset();
        GeneratorLag.Reset();
        ReceiveToHandler.Reset();
        gcPauseAtBegin = GC.GetTotalPauseDuration();
        Interlocked.Exchange(ref snapshots, 0);
        Interlocked.Exchange(ref inputsSent, 0);
        Interlocked.Exchange(ref missedTicks, 0);
        Generation++;
        recording = true;
    }

    /// <summary>Closes the window.</summary>
    public void End() => recording = false;

    /// <summary>Counts a snapshot received.</summary>
    public void Snapshot()
    {
        if (recording)
        {
            Interlocked.Increment(ref snapshots);
        }
    }

    /// <summary>Counts ticks a bot never saw a snapshot of.</summary>
    public void MissedTicks(long count)
    {
        if (recording)
        {
            Interlocked.Add(ref missedTicks, count);
        }
    }

    /// <summary>Counts an input sent.</summary>
    public void InputSent()
    {
        if (recording)
        {
            Interlocked.Increment(ref inputsSent);
        }
    }

    /// <summary>Counts a connection closed under a bot (always, not only in the window).</summary>
    public void Disconnect() => Interlocked.Increment(ref disconnects);

    /// <summary>Counts a named error (always, not only in the window).</summary>
    public void Error(string kind) => errors.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    /// <summary>The window's numbers.</summary>
    public WorkerWindow Export(int bots, double seconds, long ticksSpanned) => new(
        bots,
        seconds,
        Interlocked.Read(ref snapshots),
        Interlocked.Read(ref inputsSent),
        Interlocked.Read(ref missedTicks),
        Interlocked.Read(ref disconnects),
        new Dictionary<string, long>(errors, StringComparer.Ordinal),
        InputToAck.Export(),
        SnapshotDelay.Export(),
        ServerRtt.Export(),
        ticksSpanned,
        GeneratorLag.Export(),
        ReceiveToHandler.Export(),
        (GC.GetTotalPauseDuration() - gcPauseAtBegin).TotalMilliseconds);
}

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>The measurements of one steady window at one load level against one server.</summary>
internal sealed record StepResult
{
    /// <summary><c>gateway</c> or <c>bare</c>.</summary>
    public required string Target { get; init; }

    /// <summary><c>json</c> or <c>msgpack</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The bots' client: <c>signalr</c> or <c>raw</c>.</summary>
    public string Client { get; init; } = "signalr";

    /// <summary>Whether the server ran on one core and the generators on the others.</summary>
    public bool Pinned { get; init; }

    /// <summary>The server side's CPU with no bot, measured before the first level, percent of one core (NaN: not measured).</summary>
    public double IdleCpu { get; init; } = double.NaN;

    /// <summary>The server side's CPU in the window (server plus split-mode silos and redis), percent of one core.</summary>
    public double ServerSideCpu { get; init; }

    /// <summary>Server-side CPU per player-second with the idle CPU subtracted, ms.</summary>
    public double CpuMsPerPlayerSecond { get; init; }

    /// <summary>Server-side CPU per player-second as measured (idle included), ms.</summary>
    public double GrossCpuMsPerPlayerSecond { get; init; }

    /// <summary>Payload bytes the server sent per player-second (kernel TCP counters of its port).</summary>
    public double BytesPerPlayerSecond { get; init; } = double.NaN;

    /// <summary>Bots one generator core drives at this level's measured generator CPU (bots / generator cores used).</summary>
    public double BotsPerGeneratorCore { get; init; } = double.NaN;

    /// <summary>Seconds the level waited for the previous level's rooms and connections to be gone (0: no rest).</summary>
    public double RestSeconds { get; init; }

    /// <summary>Seconds the level waited after its warm-up for the server's JIT to settle (see <see cref="JitWarmth"/>).</summary>
    public double SettleSeconds { get; init; }

    /// <summary>Whether the server's JIT settled before the window (null: the server does not publish its compilations, or no wait was asked for).</summary>
    public bool? JitSettled { get; init; }

    /// <summary>Methods the server's JIT compiled a second during the window (NaN: not published).</summary>
    public double JitPerSecond { get; init; } = double.NaN;

    /// <summary>What still ran on the server when the rest ended at its bound, empty when nothing did.</summary>
    public string LeftOver { get; init; } = "";

    /// <summary>Bots asked for.</summary>
    public required int Bots { get; init; }

    /// <summary>Bots connected at the end of the window.</summary>
    public required int Connected { get; init; }

    /// <summary>The window's length in seconds.</summary>
    public required double WindowSeconds { get; init; }

    /// <summary>Snapshots received per bot per second (20 expected), over all bots asked for.</summary>
    public required double SnapshotsPerBotPerSecond { get; init; }

    /// <summary>Snapshots received over the 20 Hz expected for every bot asked for.</summary>
    public required double Delivered { get; init; }

    /// <summary>The rooms' tick rate as the bots saw it (ticks spanned per connected bot per second), Hz; 20 nominal.</summary>
    public required double TickRate { get; init; }

    /// <summary>Snapshots received over the ticks the rooms produced for the bots (loss, apart from a slow tick).</summary>
    public required double DeliveredOfProduced { get; init; }

    /// <summary>Whether the window met the SLO judged against the rooms' own tick rate (p99, no loss, every bot connected).</summary>
    public required bool MeetsSloAtServerTickRate { get; init; }

    /// <summary>Ticks the bots saw skipped in their snapshot sequence (a slow tick, or a snapshot lost).</summary>
    public required long MissedTicks { get; init; }

    /// <summary>Input-to-ack samples.</summary>
    public required long AckSamples { get; init; }

    /// <summary>Input-to-ack p50, ms.</summary>
    public required double AckP50 { get; init; }

    /// <summary>Input-to-ack p95, ms.</summary>
    public required double AckP95 { get; init; }

    /// <summary>Input-to-ack p99, ms.</summary>
    public required double AckP99 { get; init; }

    /// <summary>Input-to-ack max, ms, exact: the percentiles are bucket bounds capped at it, so none reads above it.</summary>
    public required double AckMax { get; init; }

    /// <summary>Snapshot delivery delay (server tick time to bot) p50, ms (1 ms resolution).</summary>
    public required double DelayP50 { get; init; }

    /// <summary>Snapshot delivery delay p99, ms.</summary>
    public required double DelayP99 { get; init; }

    /// <summary>In the bots, from their WebSocket completing a message to the snapshot handler, p99, ms.</summary>
    public required double ReceiveToHandlerP99 { get; init; }

    /// <summary>The server's smoothed ping RTT of the bots, p99, ms.</summary>
    public required double RttP99 { get; init; }

    /// <summary>Inputs sent per second, all bots.</summary>
    public required double InputsPerSecond { get; init; }

    /// <summary>Errors so far by kind (cumulative over the run).</summary>
    public required Dictionary<string, long> Errors { get; init; }

    /// <summary>Connections closed under bots so far (cumulative).</summary>
    public required long Disconnects { get; init; }

    /// <summary>Server CPU in the window, percent of one core.</summary>
    public required double ServerCpu { get; init; }

    /// <summary>Server resident memory at the end of the window, MiB.</summary>
    public required double ServerRssMb { get; init; }

    /// <summary>Server threads at the end of the window.</summary>
    public required int ServerThreads { get; init; }

    /// <summary>Other server-side processes (split mode: silo, redis): CPU % of one core and resident MiB.</summary>
    public Dictionary<string, string> OtherProcesses { get; init; } = [];

    /// <summary>Generator CPU in the window, percent of one core, per worker process.</summary>
    public required IReadOnlyList<double> GeneratorCpu { get; init; }

    /// <summary>The generator processes' own lag p99 (timer and thread pool, <see cref="Bots.LagProbe"/>), ms.</summary>
    public required double GeneratorLagP99 { get; init; }

    /// <summary>
    /// The generator processes' longest lag, ms, exact (the p99 is a bucket bound capped at it): a stall of the whole
    /// machine shows here, too rare for a p99.
    /// </summary>
    public required double GeneratorLagMax { get; init; }

    /// <summary>The longest total of collection pauses in one generator process over the window, ms.</summary>
    public required double GeneratorGcPauseMs { get; init; }

    /// <summary>Whole machine busy share in the window, percent of all cores.</summary>
    public required double MachineBusy { get; init; }

    /// <summary>Server payload bytes sent per second to the bots (TCP counters), or NaN when unknown.</summary>
    public required double BytesOutPerSecond { get; init; }

    /// <summary>Server payload bytes received per second from the bots, or NaN when unknown.</summary>
    public required double BytesInPerSecond { get; init; }

    /// <summary>Server runtime counters over the window (means), when <c>dotnet-counters</c> ran.</summary>
    public Dictionary<string, double> Counters { get; init; } = [];

    /// <summary>Whether the window met the SLO.</summary>
    public required bool MeetsSlo { get; init; }

    /// <summary>Why not, when it did not.</summary>
    public required string Verdict { get; init; }
}

namespace OrleansGame.LoadTest.Metrics;

/// <summary>One generator process's report of a steady window.</summary>
/// <param name="Bots">Bots connected at the end of the window.</param>
/// <param name="Seconds">The window's length as this process measured it.</param>
/// <param name="Snapshots">Snapshots received.</param>
/// <param name="InputsSent">Inputs sent.</param>
/// <param name="MissedTicks">Ticks skipped in the sequence of snapshots a bot saw.</param>
/// <param name="Disconnects">Connections that closed under a bot.</param>
/// <param name="Errors">Errors by kind (failed sessions, connects, joins; server <c>Error</c> codes; <c>Closing</c> reasons).</param>
/// <param name="InputToAck">Input-to-ack latency.</param>
/// <param name="SnapshotDelay">Snapshot delivery delay.</param>
/// <param name="ServerRtt">The server's view of the round trip.</param>
/// <param name="TicksSpanned">Summed over bots: ticks from the first to the last snapshot each saw in the window (what the rooms produced for them).</param>
/// <param name="GeneratorLag">How late this process's own timer and thread pool ran.</param>
/// <param name="ReceiveToHandler">From the bot's WebSocket completing a message to the snapshot handler.</param>
/// <param name="GcPauseMs">This process's garbage-collection pauses in the window, in total.</param>
internal sealed record WorkerWindow(
    int Bots,
    double Seconds,
    long Snapshots,
    long InputsSent,
    long MissedTicks,
    long Disconnects,
    Dictionary<string, long> Errors,
    HistogramData InputToAck,
    HistogramData SnapshotDelay,
    HistogramData ServerRtt,
    long TicksSpanned,
    HistogramData GeneratorLag,
    HistogramData ReceiveToHandler,
    double GcPauseMs);

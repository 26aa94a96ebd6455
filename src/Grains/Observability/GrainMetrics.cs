using System.Diagnostics.Metrics;

namespace OrleansGame.Grains.Observability;

/// <summary>
/// The instruments of the <see cref="GrainTelemetry.MeterName"/> meter: room ticks, snapshot fan-out, round-trip
/// times, active rooms and players, reconnects, seat resumes and room hand-overs. One per silo (a DI singleton).
/// </summary>
internal sealed class GrainMetrics
{
    private readonly Histogram<double> _tickDuration;
    private readonly Histogram<double> _tickLateness;
    private readonly Histogram<int> _snapshotFanout;
    private readonly Histogram<double> _rtt;
    private readonly UpDownCounter<long> _activeRooms;
    private readonly UpDownCounter<long> _onlinePlayers;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _seatsResumed;
    private readonly Counter<long> _handedOver;
    private readonly Counter<long> _restored;
    private readonly Counter<long> _modeErrors;
    private readonly Counter<long> _messagesDropped;
    private readonly Histogram<int> _inboundBatch;
    private readonly Counter<long> _joins;
    private readonly Histogram<double> _joinDuration;
    private readonly UpDownCounter<long> _partitions;
    private readonly Histogram<int> _partitionRooms;
    private readonly Counter<long> _checkpointFailures;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public GrainMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GrainTelemetry.MeterName);
        _tickDuration = meter.CreateHistogram(
            "orleansgame.room.tick.duration", "ms", "Time one room tick took: step, round lifecycle, snapshot push, checkpoint.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100] });
        _tickLateness = meter.CreateHistogram(
            "orleansgame.room.tick.lateness", "ms", "How much later than its deadline (the mode's fixed tick rate) a room tick started.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000] });
        _snapshotFanout = meter.CreateHistogram<int>(
            "orleansgame.room.snapshot.fanout", "{message}", "Snapshots one room tick pushed to its members' connections.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 4, 8, 16, 32] });
        _rtt = meter.CreateHistogram(
            "orleansgame.player.rtt", "ms", "Round-trip time of one ping and its pong, as the ping service measured it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 1000, 2000] });
        _activeRooms = meter.CreateUpDownCounter<long>(
            "orleansgame.rooms.active", "{room}", "Open rooms active on this silo.");
        _onlinePlayers = meter.CreateUpDownCounter<long>(
            "orleansgame.players.online", "{player}", "Players active on this silo with a connection attached.");
        _reconnects = meter.CreateCounter<long>(
            "orleansgame.players.reconnects", "{connection}", "Connections that attached to a player holding a seat in a room.");
        _seatsResumed = meter.CreateCounter<long>(
            "orleansgame.seats.resumed", "{seat}", "Held seats a reconnecting player took back.");
        _handedOver = meter.CreateCounter<long>(
            "orleansgame.rooms.handed_over", "{room}", "Live rooms that checkpointed and deactivated (hand-over), by deactivation reason.");
        _restored = meter.CreateCounter<long>(
            "orleansgame.rooms.restored", "{room}", "Rooms reactivated from a checkpoint (the receiving side of a hand-over or a crash).");
        _modeErrors = meter.CreateCounter<long>(
            "orleansgame.rooms.mode_errors", "{error}", "Hooks of a game mode that threw (the room ended), by mode and hook.");
        _messagesDropped = meter.CreateCounter<long>(
            "orleansgame.room.messages.dropped", "{message}", "Members' messages a room dropped because its inbox for the tick was full, by mode.");
        _inboundBatch = meter.CreateHistogram<int>(
            "orleansgame.room.inbound.batch", "{message}", "Members' messages one gateway delivered to a room in one call.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        _joins = meter.CreateCounter<long>(
            "orleansgame.matchmaking.joins", "{join}", "Quick joins and creates that ended, by mode and outcome (joined, or the refusal's code).");
        _joinDuration = meter.CreateHistogram(
            "orleansgame.matchmaking.join.duration", "ms", "How long one quick join or create took in the player's grain, offers and retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] });
        _partitions = meter.CreateUpDownCounter<long>(
            "orleansgame.matchmaking.partitions", "{partition}", "Matchmaker partitions active on this silo, by mode.");
        _partitionRooms = meter.CreateHistogram<int>(
            "orleansgame.matchmaking.partition.rooms", "{room}", "Rooms the partition knew when it made an offer, by mode.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _checkpointFailures = meter.CreateCounter<long>(
            "orleansgame.room.checkpoint.failures", "{write}", "Room checkpoint writes that failed (storage down or slow); play goes on and the write is retried with back-off, by mode.");
    }

    /// <summary>A checkpoint write of a room of <paramref name="mode"/> failed.</summary>
    public void CheckpointFailed(string mode) => _checkpointFailures.Add(1, Mode(mode));

    /// <summary>A room tick of <paramref name="mode"/> took <paramref name="elapsed"/>.</summary>
    public void TickCompleted(string mode, TimeSpan elapsed) => _tickDuration.Record(elapsed.TotalMilliseconds, Mode(mode));

    /// <summary>A room tick started <paramref name="lateness"/> after its deadline.</summary>
    public void TickLate(TimeSpan lateness) => _tickLateness.Record(Math.Max(0, lateness.TotalMilliseconds));

    /// <summary>A room tick pushed <paramref name="snapshots"/> snapshots.</summary>
    public void SnapshotsPushed(int snapshots) => _snapshotFanout.Record(snapshots);

    /// <summary>A pong came back <paramref name="rttMs"/> milliseconds after its ping.</summary>
    public void RoundTrip(double rttMs) => _rtt.Record(rttMs);

    /// <summary>A room of <paramref name="mode"/> opened or was restored on this silo.</summary>
    public void RoomActivated(string mode) => _activeRooms.Add(1, Mode(mode));

    /// <summary>An open room of <paramref name="mode"/> was disposed or deactivated on this silo.</summary>
    public void RoomDeactivated(string mode) => _activeRooms.Add(-1, Mode(mode));

    /// <summary>The hook <paramref name="hook"/> of <paramref name="mode"/> threw.</summary>
    public void ModeFailed(string mode, string hook) =>
        _modeErrors.Add(1, Mode(mode), new KeyValuePair<string, object?>("hook", hook));

    /// <summary>A room of <paramref name="mode"/> dropped a message: its inbox for the tick was full.</summary>
    public void MessageDropped(string mode) => _messagesDropped.Add(1, Mode(mode));

    /// <summary>A gateway delivered <paramref name="messages"/> messages to a room in one call.</summary>
    public void InboundBatch(int messages) => _inboundBatch.Record(messages);

    /// <summary>A player grain got a connection.</summary>
    public void PlayerOnline() => _onlinePlayers.Add(1);

    /// <summary>A player grain lost its connection.</summary>
    public void PlayerOffline() => _onlinePlayers.Add(-1);

    /// <summary>A connection attached to a player that holds a seat.</summary>
    public void Reconnected() => _reconnects.Add(1);

    /// <summary>A held seat was resumed.</summary>
    public void SeatResumed() => _seatsResumed.Add(1);

    /// <summary>A live room checkpointed and deactivated for <paramref name="reason"/>.</summary>
    public void RoomHandedOver(DeactivationReasonCode reason) =>
        _handedOver.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));

    /// <summary>A room came back from its checkpoint.</summary>
    public void RoomRestored() => _restored.Add(1);

    /// <summary>A quick join or create of <paramref name="mode"/> ended with <paramref name="outcome"/> after <paramref name="elapsed"/>.</summary>
    public void JoinEnded(string mode, string outcome, TimeSpan elapsed)
    {
        _joins.Add(1, Mode(mode), new KeyValuePair<string, object?>("outcome", outcome));
        _joinDuration.Record(elapsed.TotalMilliseconds, Mode(mode));
    }

    /// <summary>A matchmaker partition of <paramref name="mode"/> activated on this silo.</summary>
    public void PartitionActivated(string mode) => _partitions.Add(1, Mode(mode));

    /// <summary>A matchmaker partition of <paramref name="mode"/> deactivated on this silo.</summary>
    public void PartitionDeactivated(string mode) => _partitions.Add(-1, Mode(mode));

    /// <summary>A partition of <paramref name="mode"/> that knew <paramref name="rooms"/> rooms made an offer.</summary>
    public void PartitionOffered(string mode, int rooms) => _partitionRooms.Record(rooms, Mode(mode));

    private static KeyValuePair<string, object?> Mode(string mode) => new("mode", mode);

    private static string ReasonTag(DeactivationReasonCode reason) => reason switch
    {
        DeactivationReasonCode.ShuttingDown => "shutting_down",
        DeactivationReasonCode.ActivationIdle => "idle",
        DeactivationReasonCode.ApplicationRequested => "application_requested",
        DeactivationReasonCode.Migrating => "migrating",
        DeactivationReasonCode.HighMemoryPressure => "memory_pressure",
        _ => "other",
    };
}

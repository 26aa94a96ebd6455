using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Runtime.Messaging;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Carries the messages of this gateway's connections to their rooms, batched per room without a timer: a message for
/// a room with no delivery from this gateway in flight goes at once, alone; one that arrives while a delivery is in
/// flight waits, and when that delivery completes (or fails) everything that gathered goes in one call. So a room
/// receives one call per gateway at a time instead of one per message, and no message waits longer than the call
/// before it. Messages go out in the order they were posted, so each connection's keep their order.
/// </summary>
/// <remarks>
/// <para>
/// A room's lane (its queue and the delivery in flight) lives on between deliveries, so that a busy room's messages
/// find it made: it is dropped once the room has had no delivery for <see cref="LaneIdle"/>. A delivery costs the grain
/// call, the batch's array and nothing else: the lane waits for it with a callback made once (no loop of its own per
/// delivery), and one timer per lane, moved only when the lane starts again after a rest, watches the delivery in flight.
/// </para>
/// <para>
/// A delivery that gets no answer within <see cref="DeliveryTimeout"/> is given up and the next one goes: a silo that
/// crashed holds its calls until Orleans declares it dead or the response timeout ends them, and meanwhile the room's
/// next delivery is what reactivates it on a surviving silo.
/// </para>
/// <para>
/// A delivery the cluster refused without reaching the room (<see cref="OrleansMessageRejectionException"/>: the room's
/// silo is shutting down, or this gateway has no silo to send through while its connection to the cluster comes back;
/// or no connection to the silo it was to go through) is tried again, with what gathered meanwhile behind it, after
/// <see cref="RetryDelay"/> doubling up to a second, for up to <see cref="RetryWindow"/> from its first try: a
/// hand-over or a reconnection loses no player's move. Only then are its messages taken as lost. A delivery that failed
/// otherwise, or was given up, is not tried again: the room may have taken it.
/// </para>
/// </remarks>
internal sealed partial class RoomOutbox(ILogger<RoomOutbox> logger, TimeProvider time) : IDisposable
{
    /// <summary>How long a delivery may go unanswered before the next one goes; its messages are then taken as lost.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long after its first try a delivery the cluster refused is still tried again.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry of a refused delivery; each next wait is twice as long, up to a second.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a room's lane outlives its last delivery.</summary>
    public static readonly TimeSpan LaneIdle = TimeSpan.FromSeconds(30);

    /// <summary>The most messages a room's lane holds while a delivery is in flight; beyond that, messages are dropped.</summary>
    public const int MaxQueued = 4096;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private int _busy;

    /// <summary>How many rooms have a delivery in flight.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>How many rooms have a lane: a delivery in flight, or one within <see cref="LaneIdle"/>.</summary>
    public int Lanes => _lanes.Count;

    /// <summary>Posts <paramref name="message"/> to <paramref name="room"/>, through its grain's <see cref="IRoomGrain.DeliverAsync"/>.</summary>
    public void Post(SeatedRoom room, InboundMessage message) => Post(room.Id, room.Deliver, message);

    /// <summary>Posts <paramref name="message"/> to the room <paramref name="roomId"/>, whose deliveries go through <paramref name="deliver"/>.</summary>
    public void Post(string roomId, Func<InboundMessage[], Task> deliver, InboundMessage message)
    {
        while (true)
        {
            var lane = _lanes.GetOrAdd(roomId, static (id, state) => new Lane(id, state.Deliver, state.Outbox), (Deliver: deliver, Outbox: this));
            lock (lane.Gate)
            {
                if (lane.Retired)
                {
                    // It rested too long and was dropped just now: take a new one.
                    continue;
                }

                if (lane.InFlight)
                {
                    if (lane.Queue.Count < MaxQueued)
                    {
                        lane.Queue.Add(message);
                    }
                    else
                    {
                        lane.Dropped++;
                    }

                    return;
                }

                lane.InFlight = true;
                Interlocked.Increment(ref _busy);
            }

            Start(lane, [message], time.GetTimestamp(), retries: 0);
            return;
        }
    }

    /// <summary>Drops every lane and its timer; deliveries in flight complete unwatched.</summary>
    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
        {
            lock (lane.Gate)
            {
                lane.Retired = true;
                lane.Timer?.Dispose();
            }
        }

        _lanes.Clear();
    }

    /// <summary>
    /// Sends <paramref name="batch"/> (the lane is in flight) and has the lane called back when it completes;
    /// <paramref name="firstTried"/> is when its oldest message was first sent, and <paramref name="retries"/> how often
    /// the cluster refused it since.
    /// </summary>
    private void Start(Lane lane, InboundMessage[] batch, long firstTried, int retries)
    {
        Task delivery;
        try
        {
            delivery = lane.Deliver(batch);
        }
        catch (Exception exception)
        {
            delivery = Task.FromException(exception);
        }

        lock (lane.Gate)
        {
            var now = time.GetTimestamp();
            (lane.Current, lane.CurrentBatch, lane.Started) = (delivery, batch, now);
            (lane.FirstTried, lane.Retries) = (firstTried, retries);
            // The first delivery, the first after a rest (the timer then waits for the lane's idle end), or one that
            // follows a delivery given up on (the timer fired and is not set); none once the outbox is disposed, its
            // timers with it, while the delivery before was in flight.
            if (!lane.Retired && (lane.Timer is null || lane.TimerDue <= now || lane.TimerDue > now + Timestamps(DeliveryTimeout)))
            {
                Arm(lane, now, DeliveryTimeout);
            }
        }

        // No execution context flows: what gathered meanwhile is many messages' delivery, not this one's trace.
        delivery.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(lane.OnCompleted);
    }

    /// <summary>A delivery of the lane completed (perhaps one given up on): when it is the one in flight, the next goes.</summary>
    private void Completed(Lane lane)
    {
        Task? delivery;
        lock (lane.Gate)
        {
            delivery = lane.Current;
        }

        if (delivery is { IsCompleted: true })
        {
            Finish(lane, delivery, givenUp: false);
        }
    }

    /// <summary>The lane's timer: gives up a delivery unanswered for <see cref="DeliveryTimeout"/>, or drops a lane that rested <see cref="LaneIdle"/>.</summary>
    private void Watch(Lane lane)
    {
        Task? delivery;
        (InboundMessage[] Batch, long FirstTried, int Retries)? retry = null;
        lock (lane.Gate)
        {
            if (lane.Retired)
            {
                return;
            }

            var now = time.GetTimestamp();
            delivery = lane.Current;
            if (delivery is not null)
            {
                var waited = time.GetElapsedTime(lane.Started, now);
                if (waited < DeliveryTimeout)
                {
                    Arm(lane, now, DeliveryTimeout - waited);
                    return;
                }
            }
            else if (lane.Refused is { } refused)
            {
                // A refused delivery waits for its retry, and takes along what gathered meanwhile.
                if (now < lane.RetryAt)
                {
                    Arm(lane, now, time.GetElapsedTime(now, lane.RetryAt));
                    return;
                }

                retry = ([.. refused, .. lane.Queue], lane.FirstTried, lane.Retries);
                lane.Queue.Clear();
                lane.Refused = null;
            }
            else if (lane.InFlight)
            {
                // Between a post and its delivery's start, which arms the timer.
                Arm(lane, now, DeliveryTimeout);
                return;
            }
            else
            {
                var rested = time.GetElapsedTime(lane.IdleSince, now);
                if (rested < LaneIdle)
                {
                    Arm(lane, now, LaneIdle - rested);
                    return;
                }

                lane.Retired = true;
                lane.Timer!.Dispose();
                _lanes.TryRemove(new KeyValuePair<string, Lane>(lane.RoomId, lane));
                return;
            }
        }

        if (retry is { } again)
        {
            Start(lane, again.Batch, again.FirstTried, again.Retries);
        }
        else if (delivery is not null)
        {
            Finish(lane, delivery, givenUp: true);
        }
    }

    /// <summary>Ends <paramref name="delivery"/> unless it was ended already, and sends what gathered meanwhile.</summary>
    private void Finish(Lane lane, Task delivery, bool givenUp)
    {
        var exception = givenUp || delivery.IsCompletedSuccessfully ? null : delivery.Exception?.InnerException ?? new TaskCanceledException(delivery);
        int count;
        int dropped;
        TimeSpan? retryIn = null;
        InboundMessage[]? next = null;
        lock (lane.Gate)
        {
            if (!ReferenceEquals(lane.Current, delivery))
            {
                return;
            }

            var batch = lane.CurrentBatch!;
            count = batch.Length;
            (lane.Current, lane.CurrentBatch) = (null, null);
            (dropped, lane.Dropped) = (lane.Dropped, 0);
            var now = time.GetTimestamp();
            if (NeverSent(exception) && !lane.Retired && time.GetElapsedTime(lane.FirstTried, now) < RetryWindow)
            {
                // Refused on the way, not taken by the room: the same batch goes again first, still in flight.
                var delay = TimeSpan.FromTicks(Math.Min(RetryDelay.Ticks << Math.Min(lane.Retries, 16), MaxRetryDelay.Ticks));
                (lane.Refused, lane.RetryAt, lane.Retries) = (batch, now + Timestamps(delay), lane.Retries + 1);
                Arm(lane, now, delay);
                retryIn = delay;
            }
            else if (lane.Queue.Count == 0)
            {
                lane.InFlight = false;
                lane.IdleSince = now;
                Interlocked.Decrement(ref _busy);
            }
            else
            {
                next = [.. lane.Queue];
                lane.Queue.Clear();
            }
        }

        if (retryIn is { } wait)
        {
            LogDeliveryRefused(logger, lane.RoomId, count, wait, exception!.Message);
        }
        else if (givenUp)
        {
            LogDeliveryUnanswered(logger, lane.RoomId, count, DeliveryTimeout);

            // The delivery given up on may still fail later: observe it, so that its fault is not left unobserved.
            _ = delivery.ContinueWith(
                static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else if (exception is not null)
        {
            // The room did not take the batch (its silo is gone, or the cluster refused it past the retry window); the
            // next batch still goes, in order.
            LogDeliveryFailed(logger, lane.RoomId, count, exception);
        }

        if (dropped > 0)
        {
            LogDropped(logger, lane.RoomId, dropped);
        }

        if (next is not null)
        {
            var trace = Activity.Current;
            Activity.Current = null;
            try
            {
                Start(lane, next, time.GetTimestamp(), retries: 0);
            }
            finally
            {
                if (trace is not null)
                {
                    Activity.Current = trace;
                }
            }
        }
    }

    /// <summary>
    /// Whether the cluster refused the delivery on its way, so that the room cannot have taken it: a rejection (the room's
    /// silo is shutting down, or no silo gateway is known), or no connection to the silo gateway it was to go through.
    /// </summary>
    private static bool NeverSent(Exception? exception) =>
        exception is OrleansMessageRejectionException or ConnectionFailedException;

    /// <summary>Sets the lane's timer to fire after <paramref name="due"/>; the lane's gate is held.</summary>
    private void Arm(Lane lane, long now, TimeSpan due)
    {
        if (lane.Timer is null)
        {
            // Made without the poster's execution context, which the timer would otherwise keep for its whole life.
            var flow = ExecutionContext.IsFlowSuppressed() ? (AsyncFlowControl?)null : ExecutionContext.SuppressFlow();
            try
            {
                lane.Timer = time.CreateTimer(static state => ((Lane)state!).Watch(), lane, due, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                flow?.Undo();
            }
        }
        else
        {
            lane.Timer.Change(due, Timeout.InfiniteTimeSpan);
        }

        lane.TimerDue = now + Timestamps(due);
    }

    /// <summary><paramref name="span"/> in the units of <see cref="TimeProvider.GetTimestamp"/>.</summary>
    private long Timestamps(TimeSpan span) => (long)(span.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Room {RoomId} did not answer a delivery of {Count} messages within {Timeout}; the next one goes")]
    private static partial void LogDeliveryUnanswered(ILogger logger, string roomId, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Delivering {Count} messages to room {RoomId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, string roomId, int count, Exception exception);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Debug, Message = "Room {RoomId} could not be reached with a delivery of {Count} messages ({Reason}); trying again in {Delay}")]
    private static partial void LogDeliveryRefused(ILogger logger, string roomId, int count, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Dropped {Count} messages for room {RoomId}: too many waited for its delivery")]
    private static partial void LogDropped(ILogger logger, string roomId, int count);

    /// <summary>One room's messages: the delivery in flight, what gathered meanwhile, and the timer that watches both.</summary>
    private sealed class Lane
    {
        private readonly RoomOutbox _outbox;

        public Lane(string roomId, Func<InboundMessage[], Task> deliver, RoomOutbox outbox)
        {
            (RoomId, Deliver, _outbox) = (roomId, deliver, outbox);
            OnCompleted = () => _outbox.Completed(this);
        }

        public Lock Gate { get; } = new();

        public string RoomId { get; }

        public Func<InboundMessage[], Task> Deliver { get; }

        /// <summary>Called back when a delivery completes; made once, so that waiting for a delivery allocates nothing.</summary>
        public Action OnCompleted { get; }

        public List<InboundMessage> Queue { get; } = [];

        /// <summary>Whether a delivery is in flight (or about to start); messages posted meanwhile queue.</summary>
        public bool InFlight { get; set; }

        /// <summary>The delivery in flight, once started; null when it completed or was given up.</summary>
        public Task? Current { get; set; }

        /// <summary>The messages of <see cref="Current"/>.</summary>
        public InboundMessage[]? CurrentBatch { get; set; }

        /// <summary>When the oldest message of the current or refused batch was first sent (a <see cref="TimeProvider"/> timestamp).</summary>
        public long FirstTried { get; set; }

        /// <summary>How often the cluster refused that batch.</summary>
        public int Retries { get; set; }

        /// <summary>A batch the cluster refused, waiting to go again at <see cref="RetryAt"/>; the lane stays in flight.</summary>
        public InboundMessage[]? Refused { get; set; }

        /// <summary>When <see cref="Refused"/> goes again (a <see cref="TimeProvider"/> timestamp).</summary>
        public long RetryAt { get; set; }

        /// <summary>When <see cref="Current"/> started (a <see cref="TimeProvider"/> timestamp).</summary>
        public long Started { get; set; }

        /// <summary>When the last delivery ended, leaving nothing queued.</summary>
        public long IdleSince { get; set; }

        public bool Retired { get; set; }

        public int Dropped { get; set; }

        public ITimer? Timer { get; set; }

        /// <summary>When <see cref="Timer"/> fires next (a <see cref="TimeProvider"/> timestamp).</summary>
        public long TimerDue { get; set; }

        public void Watch() => _outbox.Watch(this);
    }
}

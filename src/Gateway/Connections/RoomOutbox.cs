using System.Collections.Concurrent;
using System.Diagnostics;
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
/// A room's entry exists only while a delivery is in flight: the last one to complete with nothing queued removes it.
/// A delivery that gets no answer within <see cref="DeliveryTimeout"/> is given up and the next one goes: a silo that
/// crashed holds its calls until Orleans declares it dead or the response timeout ends them, and meanwhile the room's
/// next delivery is what reactivates it on a surviving silo.
/// </remarks>
internal sealed partial class RoomOutbox(ILogger<RoomOutbox> logger, TimeProvider time)
{
    /// <summary>How long a delivery may go unanswered before the next one goes; its messages are then taken as lost.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The most messages a room's entry holds while a delivery is in flight; beyond that, messages are dropped.</summary>
    public const int MaxQueued = 4096;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>How many rooms have a delivery in flight.</summary>
    public int Busy => _lanes.Count;

    /// <summary>Posts <paramref name="message"/> to <paramref name="room"/>, through its grain's <see cref="IRoomGrain.DeliverAsync"/>.</summary>
    public void Post(SeatedRoom room, InboundMessage message) => Post(room.Id, room.Deliver, message);

    /// <summary>Posts <paramref name="message"/> to the room <paramref name="roomId"/>, whose deliveries go through <paramref name="deliver"/>.</summary>
    public void Post(string roomId, Func<InboundMessage[], Task> deliver, InboundMessage message)
    {
        while (true)
        {
            var lane = _lanes.GetOrAdd(roomId, static (id, deliver) => new Lane(id, deliver), deliver);
            lock (lane.Gate)
            {
                if (lane.Retired)
                {
                    // Its last delivery completed and removed it just now: take a new one.
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
            }

            lane.Pump = PumpAsync(lane, [message]);
            return;
        }
    }

    private async Task PumpAsync(Lane lane, InboundMessage[] batch)
    {
        while (true)
        {
            Task? delivery = null;
            try
            {
                delivery = lane.Deliver(batch);
                await delivery.WaitAsync(DeliveryTimeout, time);
            }
            catch (TimeoutException) when (delivery is { IsCompleted: false })
            {
                LogDeliveryUnanswered(logger, lane.RoomId, batch.Length, DeliveryTimeout);

                // The delivery given up on may still fail later: observe it, so that its fault is not left unobserved.
                _ = delivery.ContinueWith(
                    static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            catch (Exception exception)
            {
                // The room did not take the batch (it is moving, or its silo is gone); the next batch still goes, in order.
                LogDeliveryFailed(logger, lane.RoomId, batch.Length, exception);
            }

            int dropped;
            bool idle;
            lock (lane.Gate)
            {
                (dropped, lane.Dropped) = (lane.Dropped, 0);
                idle = lane.Queue.Count == 0;
                if (idle)
                {
                    lane.InFlight = false;
                    lane.Retired = true;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(lane.RoomId, lane));
                }
                else
                {
                    batch = [.. lane.Queue];
                    lane.Queue.Clear();
                }
            }

            if (dropped > 0)
            {
                LogDropped(logger, lane.RoomId, dropped);
            }

            if (idle)
            {
                return;
            }

            // What gathered meanwhile is many messages' delivery, not the first one's: keep it out of that one's trace.
            Activity.Current = null;
        }
    }

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Room {RoomId} did not answer a delivery of {Count} messages within {Timeout}; the next one goes")]
    private static partial void LogDeliveryUnanswered(ILogger logger, string roomId, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Delivering {Count} messages to room {RoomId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, string roomId, int count, Exception exception);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Dropped {Count} messages for room {RoomId}: too many waited for its delivery")]
    private static partial void LogDropped(ILogger logger, string roomId, int count);

    /// <summary>One room's delivery in flight and the messages that gathered meanwhile.</summary>
    private sealed class Lane(string roomId, Func<InboundMessage[], Task> deliver)
    {
        public Lock Gate { get; } = new();

        public string RoomId => roomId;

        public Func<InboundMessage[], Task> Deliver => deliver;

        public List<InboundMessage> Queue { get; } = [];

        public bool InFlight { get; set; }

        public bool Retired { get; set; }

        public int Dropped { get; set; }

        /// <summary>The loop delivering the lane's batches, owned by the lane; it never faults (it logs every failure).</summary>
        public Task? Pump { get; set; }
    }
}

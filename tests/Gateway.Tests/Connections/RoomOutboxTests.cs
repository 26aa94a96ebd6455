using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Messaging;
using OrleansGame.Gateway.Connections;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests.Connections;

/// <summary>
/// The outbox against a room stand-in: a delegate that records each delivery and completes it when the test says so,
/// as <c>IRoomGrain.DeliverAsync</c> completes when the room has queued the batch.
/// </summary>
public sealed class RoomOutboxTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Post_NothingInFlight_DeliversAtOnceAlone()
    {
        var room = new Room();
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);

        outbox.Post("r1", room.DeliverAsync, Message("a", 1));

        Assert.Equal([["a1"]], room.Batches);
    }

    [Fact]
    public async Task Post_WhileADeliveryIsInFlight_GathersEverythingIntoOneNextDelivery()
    {
        var room = new Room();
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));

        outbox.Post("r1", room.DeliverAsync, Message("b", 1));
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        outbox.Post("r1", room.DeliverAsync, Message("b", 2));
        Assert.Single(room.Batches);

        room.Complete(0);
        await room.WaitForBatchesAsync(2);

        Assert.Equal([["a1"], ["b1", "a2", "b2"]], room.Batches);
        Assert.Equal(1, outbox.Busy);
        room.Complete(1);
        await WaitIdleAsync(outbox);
    }

    [Fact]
    public async Task Post_LastDeliveryCompletedWithNothingQueued_KeepsTheRoomsLaneAndTheNextGoesAtOnce()
    {
        var room = new Room();
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));

        room.Complete(0);
        await WaitIdleAsync(outbox);
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));

        Assert.Equal([["a1"], ["a2"]], room.Batches);
        Assert.Equal(1, outbox.Lanes);
    }

    [Fact]
    public async Task Post_RoomRestsForTheLaneIdleTime_DropsItsLaneAndAFreshOneTakesTheNextMessage()
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        using var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        room.Complete(0);
        await WaitIdleAsync(outbox);

        // The watch on the delivery passes first (nothing to give up), then the lane rests.
        time.Advance(RoomOutbox.DeliveryTimeout);
        time.Advance(RoomOutbox.LaneIdle - RoomOutbox.DeliveryTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, outbox.Lanes);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, outbox.Lanes);

        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        Assert.Equal([["a1"], ["a2"]], room.Batches);
        Assert.Equal(1, outbox.Lanes);
        room.Complete(1);
        await WaitIdleAsync(outbox);
    }

    [Fact]
    public async Task Post_DeliveryAfterARest_IsGivenUpAfterTheDeliveryTimeoutNotTheLanesIdleTime()
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RoomOutbox>();
        using var outbox = new RoomOutbox(logger, time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        room.Complete(0);
        await WaitIdleAsync(outbox);
        time.Advance(RoomOutbox.DeliveryTimeout + TimeSpan.FromSeconds(1));

        // The lane's timer now waits for the end of its rest; a new delivery brings it forward.
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        outbox.Post("r1", room.DeliverAsync, Message("a", 3));
        time.Advance(RoomOutbox.DeliveryTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, room.Batches.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await room.WaitForBatchesAsync(3);
        room.Complete(1);
        room.Complete(2);
        await WaitIdleAsync(outbox);

        Assert.Equal([["a1"], ["a2"], ["a3"]], room.Batches);
        Assert.Single(logger.Collector.GetSnapshot(), static r => r.Id.Id == 1703);
    }

    [Fact]
    public async Task Dispose_WhileADeliveryIsInFlight_WhatGatheredStillGoesUnwatched()
    {
        var room = new Room();
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));

        // The lane's timer is gone: the next delivery must not try to move it.
        outbox.Dispose();
        room.Complete(0);
        await room.WaitForBatchesAsync(2);
        room.Complete(1);
        await WaitIdleAsync(outbox);

        Assert.Equal([["a1"], ["a2"]], room.Batches);
        Assert.Equal(0, outbox.Lanes);
    }

    [Fact]
    public async Task Post_DeliveryGivenUpThenAnswered_TheLateAnswerStartsNothing()
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        using var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        time.Advance(RoomOutbox.DeliveryTimeout);
        await room.WaitForBatchesAsync(2);

        // The late answer to the first delivery must not end the second, whose messages would then jump the queue.
        outbox.Post("r1", room.DeliverAsync, Message("a", 3));
        room.Complete(0);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(2, room.Batches.Count);
        Assert.Equal(1, outbox.Busy);

        room.Complete(1);
        await room.WaitForBatchesAsync(3);
        room.Complete(2);
        await WaitIdleAsync(outbox);
        Assert.Equal([["a1"], ["a2"], ["a3"]], room.Batches);
    }

    [Fact]
    public async Task Post_DeliveryAfterOneGivenUp_IsWatchedAndGivenUpInItsTurn()
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RoomOutbox>();
        using var outbox = new RoomOutbox(logger, time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        time.Advance(RoomOutbox.DeliveryTimeout);
        await room.WaitForBatchesAsync(2);

        // The delivery that went when the first was given up goes unanswered too: it is given up in its turn.
        outbox.Post("r1", room.DeliverAsync, Message("a", 3));
        time.Advance(RoomOutbox.DeliveryTimeout);
        await room.WaitForBatchesAsync(3);
        room.Complete(0);
        room.Complete(1);
        room.Complete(2);
        await WaitIdleAsync(outbox);

        Assert.Equal([["a1"], ["a2"], ["a3"]], room.Batches);
        Assert.Equal(2, logger.Collector.GetSnapshot().Count(static r => r.Id.Id == 1703));
    }

    [Fact]
    public async Task Post_ToTwoRooms_EachHasItsOwnDeliveryInFlight()
    {
        var first = new Room();
        var second = new Room();
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);

        outbox.Post("r1", first.DeliverAsync, Message("a", 1));
        outbox.Post("r2", second.DeliverAsync, Message("b", 1));

        Assert.Equal([["a1"]], first.Batches);
        Assert.Equal([["b1"]], second.Batches);
        Assert.Equal(2, outbox.Busy);
        first.Complete(0);
        second.Complete(0);
        await WaitIdleAsync(outbox);
    }

    [Fact]
    public async Task Post_DeliveryFails_IsLoggedAndWhatGatheredStillGoesInOrder()
    {
        var room = new Room();
        var logger = new FakeLogger<RoomOutbox>();
        var outbox = new RoomOutbox(logger, TimeProvider.System);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        outbox.Post("r1", room.DeliverAsync, Message("a", 3));

        room.Fail(0, new TimeoutException("the room did not answer"));
        await room.WaitForBatchesAsync(2);
        room.Complete(1);
        await WaitIdleAsync(outbox);

        Assert.Equal([["a1"], ["a2", "a3"]], room.Batches);
        var failure = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Contains("r1", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shutting down")]
    [InlineData("no connection")]
    public async Task Post_DeliveryRefusedByTheCluster_GoesAgainAfterTheRetryDelayWithWhatGatheredBehindIt(string refusal)
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RoomOutbox>();
        using var outbox = new RoomOutbox(logger, time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        outbox.Post("r1", room.DeliverAsync, Message("b", 1));

        // The message never reached the room: its silo is shutting down, or the silo gateway could not be reached.
        room.Fail(0, refusal == "shutting down"
            ? new SiloUnavailableException("Silo 'S127.0.0.1:11111:1' is shutting down.")
            : new ConnectionFailedException("Unable to connect to S127.0.0.1:11111:0, will retry after 999ms"));
        await Infrastructure.Eventually.WaitAsync(
            () => Task.FromResult(logger.Collector.GetSnapshot()), static log => log.Any(static r => r.Id.Id == 1704), Bound);
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        time.Advance(RoomOutbox.RetryDelay - TimeSpan.FromMilliseconds(1));
        Assert.Single(room.Batches);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await room.WaitForBatchesAsync(2);
        room.Complete(1);
        await WaitIdleAsync(outbox);

        Assert.Equal([["a1"], ["a1", "b1", "a2"]], room.Batches);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), static r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Post_DeliveryRefusedForTheWholeRetryWindow_IsLoggedAsLostAndTheNextMessageGoes()
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RoomOutbox>();
        using var outbox = new RoomOutbox(logger, time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));

        // No silo to send through, try after try, each wait twice the one before up to a second.
        var tries = 0;
        for (var waited = TimeSpan.Zero; waited < RoomOutbox.RetryWindow; tries++)
        {
            await room.WaitForBatchesAsync(tries + 1);
            room.Fail(tries, new SiloUnavailableException("No gateways available"));
            await Infrastructure.Eventually.WaitAsync(
                () => Task.FromResult(logger.Collector.GetSnapshot().Count(static r => r.Id.Id == 1704)), count => count == tries + 1, Bound);
            var wait = TimeSpan.FromTicks(Math.Min(RoomOutbox.RetryDelay.Ticks << tries, TimeSpan.TicksPerSecond));
            time.Advance(wait);
            waited += wait;
        }

        // Past the window, the last refusal is the end of it.
        await room.WaitForBatchesAsync(tries + 1);
        room.Fail(tries, new SiloUnavailableException("No gateways available"));
        await WaitIdleAsync(outbox);
        Assert.Equal(Enumerable.Repeat<string[]>(["a1"], tries + 1), room.Batches);
        Assert.Equal(13, tries); // waits of 0.1, 0.2, 0.4 and 0.8 s, then nine of a second, reach the window of 10 s

        var lost = Assert.Single(logger.Collector.GetSnapshot(), static r => r.Level == LogLevel.Warning);
        Assert.Equal(1701, lost.Id.Id);
        Assert.IsType<SiloUnavailableException>(lost.Exception);

        outbox.Post("r1", room.DeliverAsync, Message("a", 2));
        Assert.Equal(["a2"], room.Batches[^1]);
    }

    [Fact]
    public async Task Post_DeliveryUnansweredPastTheTimeout_IsGivenUpAndWhatGatheredGoes()
    {
        var room = new Room();
        var time = new FakeTimeProvider();
        var logger = new FakeLogger<RoomOutbox>();
        var outbox = new RoomOutbox(logger, time);
        outbox.Post("r1", room.DeliverAsync, Message("a", 1));
        outbox.Post("r1", room.DeliverAsync, Message("a", 2));

        time.Advance(RoomOutbox.DeliveryTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Single(room.Batches);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await room.WaitForBatchesAsync(2);
        room.Fail(0, new TimeoutException("the silo was declared dead"));
        room.Complete(1);
        await WaitIdleAsync(outbox);

        Assert.Equal([["a1"], ["a2"]], room.Batches);
        Assert.Contains(logger.Collector.GetSnapshot(), static r => r.Id.Id == 1703 && r.Message.Contains("r1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DeliveryThrowsBeforeReturningATask_IsLoggedAndTheRoomStaysUsable()
    {
        var calls = 0;
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);
        Task Deliver(InboundMessage[] batch) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("no") : Task.CompletedTask;

        outbox.Post("r1", Deliver, Message("a", 1));
        await WaitIdleAsync(outbox);
        outbox.Post("r1", Deliver, Message("a", 2));
        await WaitIdleAsync(outbox);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Post_ManySendersAtOnce_EveryMessageArrivesOnceAndEachSendersInOrder()
    {
        const int Senders = 8;
        const int PerSender = 500;
        var delivered = new ConcurrentQueue<InboundMessage[]>();
        var outbox = new RoomOutbox(new FakeLogger<RoomOutbox>(), TimeProvider.System);
        async Task DeliverAsync(InboundMessage[] batch)
        {
            delivered.Enqueue(batch);
            await Task.Yield();
        }

        // Each sender posts from its own thread, in order, as a connection's inbound service does.
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(() =>
        {
            for (var seq = 1; seq <= PerSender; seq++)
            {
                outbox.Post("r1", DeliverAsync, Message($"p{sender}-", seq));
            }
        }, TestContext.Current.CancellationToken)));
        await WaitIdleAsync(outbox);

        var all = delivered.SelectMany(static batch => batch).ToList();
        Assert.Equal(Senders * PerSender, all.Count);
        foreach (var sender in all.GroupBy(static m => m.PlayerId))
        {
            Assert.Equal(Enumerable.Range(1, PerSender), sender.Select(static m => int.Parse(m.Type[1..], System.Globalization.CultureInfo.InvariantCulture)));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{all.Count} messages in {delivered.Count} deliveries");
        Assert.True(delivered.Count < all.Count, "nothing was batched");
    }

    private static InboundMessage Message(string player, int seq) =>
        new(player, "m" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonPayload(Encoding.UTF8.GetBytes("{}")));

    private static Task WaitIdleAsync(RoomOutbox outbox) =>
        Infrastructure.Eventually.WaitAsync(() => Task.FromResult(outbox.Busy), static busy => busy == 0, Bound);

    /// <summary>A room whose deliveries complete when the test completes them.</summary>
    private sealed class Room
    {
        private readonly Lock _lock = new();
        private readonly List<(string[] Messages, TaskCompletionSource Done)> _deliveries = [];

        public List<string[]> Batches
        {
            get
            {
                lock (_lock)
                {
                    return [.. _deliveries.Select(static d => d.Messages)];
                }
            }
        }

        public Task DeliverAsync(InboundMessage[] batch)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                _deliveries.Add(([.. batch.Select(static m => m.PlayerId + m.Type[1..])], done));
            }

            return done.Task;
        }

        public void Complete(int delivery) => Done(delivery).SetResult();

        public void Fail(int delivery, Exception exception) => Done(delivery).SetException(exception);

        public Task WaitForBatchesAsync(int count) =>
            Infrastructure.Eventually.WaitAsync(() => Task.FromResult(Batches.Count), c => c >= count, Bound);

        private TaskCompletionSource Done(int delivery)
        {
            lock (_lock)
            {
                return _deliveries[delivery].Done;
            }
        }
    }
}

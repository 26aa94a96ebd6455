using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Arena.Wire;

namespace OrleansGame.Gateway.Tests;

/// <summary>A misbehaving client loses its own connection and nobody else notices.</summary>
[Collection(AbuseCollection.Name)]
public sealed class AbuseTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    /// <summary>
    /// The longest snapshot gap the abuse may cause: a generous sanity bound (500 ms, or three times the gap the same
    /// client saw in the second before), not a timing target. A room stalled by the abuse misses its ticks for seconds;
    /// a busy test machine alone has shown 300 ms gaps in quiet play. The measured gap is printed with the test.
    /// </summary>
    private static TimeSpan GapLimit(TimeSpan baselineGap) =>
        TimeSpan.FromMilliseconds(Math.Max(500, baselineGap.TotalMilliseconds * 3));

    /// <summary>Seats both clients in one private room and waits until <paramref name="watcher"/> sees them both.</summary>
    private static async Task SeatTogetherAsync(TestClient watcher, TestClient other)
    {
        var room = await watcher.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        await other.JoinAsync(room.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);
        await watcher.WaitForSnapshotAsync(s => s.Players.Count == 2, Bound);
    }

    private static async Task<(double Rate, TimeSpan LongestGap, long End)> MeasureBaselineAsync(TestClient client)
    {
        var start = Stopwatch.GetTimestamp();
        await client.WaitForSnapshotAsync(_ => Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(1), Bound);
        var end = Stopwatch.GetTimestamp();
        var (gap, count) = client.SnapshotStats(start, end);
        return (count / Stopwatch.GetElapsedTime(start, end).TotalSeconds, gap, end);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task OversizedMessage_ClosesTheSenderOnly_OtherClientSeesNoSnapshotGap(WireProtocol protocol)
    {
        await using var victim = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var sender = await Host.ConnectNewPlayerAsync(protocol);
        await SeatTogetherAsync(victim, sender);
        var (_, baselineGap, from) = await MeasureBaselineAsync(victim);

        var huge = new ChatRequest(new string('x', 64 * 1024));
        try
        {
            await sender.Connection.SendAsync("Chat", huge, TestContext.Current.CancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The server may close the connection before the client has finished writing.
        }

        await sender.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await victim.WaitForSnapshotAsync(_ => Stopwatch.GetElapsedTime(from) > TimeSpan.FromSeconds(1.5), Bound);
        var (gap, count) = victim.SnapshotStats(from, Stopwatch.GetTimestamp());

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"other client: {count} snapshots, longest gap {gap.TotalMilliseconds:F0} ms (before: {baselineGap.TotalMilliseconds:F0} ms)");
        Assert.Equal(HubConnectionState.Disconnected, sender.Connection.State);
        Assert.Equal(HubConnectionState.Connected, victim.Connection.State);
        Assert.True(gap <= GapLimit(baselineGap), $"the other client saw a {gap.TotalMilliseconds:F0} ms gap in {count} snapshots");
        await victim.SendChatAsync("still here");
        Assert.Equal("still here", (await victim.WaitForChatAsync(Bound)).Text);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task InputFlood_IsThrottledThenClosed_WhileANormalClientKeepsItsSnapshotRate(WireProtocol protocol)
    {
        await using var normal = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var flooder = await Host.ConnectNewPlayerAsync(protocol);
        await SeatTogetherAsync(normal, flooder);
        var (baseline, baselineGap, from) = await MeasureBaselineAsync(normal);

        // About 1,000 inputs a second: ten every 10 ms, until the server gives up on the sender.
        var sent = 0;
        using (var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
        {
            try
            {
                while (!flooder.Closing.IsCompleted && Stopwatch.GetElapsedTime(from) < Bound && await pace.WaitForNextTickAsync(TestContext.Current.CancellationToken))
                {
                    for (var i = 0; i < 10; i++)
                    {
                        await flooder.SendInputAsync(++sent, 1, 0);
                    }
                }
            }
            catch (InvalidOperationException) when (flooder.Closing.IsCompleted || flooder.Closed.IsCompleted)
            {
                // Closed by the server mid-flood.
            }
        }

        var closing = await flooder.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await flooder.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var throttled = await flooder.WaitForErrorAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("rate_limited", throttled.Code);
        Assert.Equal("flood", closing.Reason);

        await normal.WaitForSnapshotAsync(_ => Stopwatch.GetElapsedTime(from) > TimeSpan.FromSeconds(2), Bound);
        var to = Stopwatch.GetTimestamp();
        var (gap, count) = normal.SnapshotStats(from, to);
        var rate = count / Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"flooder sent {sent} inputs before Closing{{flood}}; normal client: {baseline:F1} snapshots/s before, {rate:F1} during and after, " +
            $"longest gap {gap.TotalMilliseconds:F0} ms (before: {baselineGap.TotalMilliseconds:F0} ms)");

        // The rate is compared with the same client's rate just before, so a busy test machine does not fail it; a
        // room stalled by the flood would fall far below half of it.
        Assert.True(rate >= 0.5 * baseline, $"{rate:F1} snapshots/s during the flood, {baseline:F1} before");
        Assert.True(gap <= GapLimit(baselineGap), $"the normal client saw a {gap.TotalMilliseconds:F0} ms gap ({sent} inputs flooded)");
        Assert.Equal(HubConnectionState.Connected, normal.Connection.State);
    }
}

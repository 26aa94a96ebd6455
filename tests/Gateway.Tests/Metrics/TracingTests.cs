using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class TracingTests(MetricsFixture fixture)
{
    [Fact]
    public async Task Input_HubMessage_GrainCallsJoinItsTrace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "OrleansGame.Gateway" || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var client = await fixture.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);

        await client.SendInputAsync(1, 1, 0);
        await client.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == client.PlayerId && p.AckSeq == 1));

        var hub = await WaitForAsync(() => stopped.FirstOrDefault(a =>
            a.OperationName == "GameHub/Input" && (string?)a.GetTagItem("orleansgame.player_id") == client.PlayerId));
        var forward = await WaitForAsync(() => stopped.FirstOrDefault(a => a.OperationName == "forward input" && a.TraceId == hub.TraceId));
        var grainCall = await WaitForAsync(() => stopped.FirstOrDefault(a =>
            a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && a.TraceId == hub.TraceId));

        Assert.Equal(hub.SpanId, forward.ParentSpanId);
        Assert.Equal(hub.TraceId, grainCall.TraceId);
        Assert.Contains("DeliverAsync", grainCall.DisplayName, StringComparison.Ordinal);
    }

    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(Stopwatch.GetTimestamp() < deadline, "the expected activity did not stop within 10 s");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}

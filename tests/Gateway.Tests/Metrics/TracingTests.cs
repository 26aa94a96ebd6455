using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class TracingTests(MetricsFixture fixture)
{
    [Fact]
    public async Task Input_WithAnExporter_GrainCallsJoinItsTrace()
    {
        using var activities = new StoppedActivities();
        await using var collector = await OtlpReceiver.StartAsync();
        await using var host = await GatewayHost.StartAsync(collector.GatewaySettings);
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);

        await client.SendInputAsync(1, 1, 0);
        await client.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == client.PlayerId && p.AckSeq == 1));

        var hub = await activities.WaitForAsync(a =>
            a.OperationName == "GameHub/Input" && (string?)a.GetTagItem("orleansgame.player_id") == client.PlayerId);
        var forward = await activities.WaitForAsync(a => a.OperationName == "forward input" && a.TraceId == hub.TraceId);
        var grainCall = await activities.WaitForAsync(a => IsGrainCall(a) && a.TraceId == hub.TraceId);

        Assert.Equal(hub.SpanId, forward.ParentSpanId);
        Assert.Equal(hub.TraceId, grainCall.TraceId);
        Assert.Contains("DeliverAsync", grainCall.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_WithoutAnExporter_GrainCallsMakeNoActivities()
    {
        using var activities = new StoppedActivities();
        await using var client = await fixture.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);

        await client.SendInputAsync(1, 1, 0);
        // The room took the input before the tick that acknowledges it: its grain call, traced, would have stopped by now.
        await client.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == client.PlayerId && p.AckSeq == 1));
        var hub = await activities.WaitForAsync(a =>
            a.OperationName == "GameHub/Input" && (string?)a.GetTagItem("orleansgame.player_id") == client.PlayerId);

        Assert.DoesNotContain(activities.All, a => IsGrainCall(a) && a.TraceId == hub.TraceId);
    }

    private static bool IsGrainCall(Activity activity) => activity.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);

    /// <summary>Every activity of the gateway's and Orleans' sources that stops while it listens, all sampled.</summary>
    private sealed class StoppedActivities : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public StoppedActivities()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "OrleansGame.Gateway" || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<Activity> All => _stopped;

        public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
        {
            var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
            while (true)
            {
                if (_stopped.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                Assert.True(Stopwatch.GetTimestamp() < deadline, "the expected activity did not stop within 10 s");
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}

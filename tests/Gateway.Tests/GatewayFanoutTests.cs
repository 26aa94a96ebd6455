using System.Buffers;
using System.Diagnostics.Metrics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Observability;
using OrleansGame.Arena.Wire;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;
using OpenConnections = OrleansGame.Gateway.Connections.HubConnections;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// The gateway's state fan-out, driven the way a room drives it (the arena's snapshot as the state), against SignalR
/// connections over in-memory pipes: one whose client reads, one whose client stopped reading (its pipe holds a single
/// byte before a write waits).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayFanoutTests(GatewayFixture fixture)
{
    private static readonly Snapshot Sample = new("r1", 7, 1_700_000_000_000, "playing", 42_000,
        [new PlayerState("p1", 10, 20, 3, 5, 12, Away: false)], [new OrbState(1, 30, 40)]);

    private IServiceProvider Services => fixture.Host.App.Services;

    private GatewayFanout Fanout => Services.GetRequiredService<GatewayFanout>();

    private OpenConnections Connections => Services.GetRequiredService<OpenConnections>();

    [Fact]
    public async Task OnStateAsync_OneClientStoppedReading_ReturnsAtOnceAndTheOthersGetEverySnapshot()
    {
        var stuck = Connect("stuck", pauseAfterBytes: 1);
        var reading = Connect("reading", pauseAfterBytes: 64 * 1024);
        try
        {
            var observers = new[] { stuck.Observer, GrainId.Create("test-observer", "not-here"), reading.Observer };
            for (var tick = 0; tick < 3; tick++)
            {
                var push = Fanout.OnStateAsync(State(Sample with { Tick = tick }), null, Sample.ServerTime, observers);

                // Orleans waits for this before it hands the gateway's observer the next room's push.
                Assert.True(push.IsCompletedSuccessfully, $"push {tick} waited for a client's writes");
            }

            var frames = (await reading.ReadFramesAsync(3)).Select(frame => JsonDocument.Parse(frame).RootElement).ToList();
            Assert.All(frames, frame => Assert.Equal("Snapshot", frame.GetProperty("target").GetString()));
            Assert.Equal([0L, 1L, 2L], frames.Select(frame => frame.GetProperty("arguments")[0].GetProperty("tick").GetInt64()));
        }
        finally
        {
            Close(stuck);
            Close(reading);
        }
    }

    [Fact]
    public async Task OnStateAsync_SnapshotOfATickLongAgo_RecordsHowLateItReachedTheFanout()
    {
        using var delays = new MetricCollector<double>(Services.GetRequiredService<IMeterFactory>(), GatewayTelemetry.Name, "orleansgame.snapshots.delay");
        var reading = Connect("late", pauseAfterBytes: 64 * 1024);
        try
        {
            var ticked = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 250;
            await Fanout.OnStateAsync(State(Sample with { ServerTime = ticked }), null, ticked, [reading.Observer]);

            Assert.Single(await reading.ReadFramesAsync(1));
            // Rooms of other tests on this gateway record their own delays, of a few milliseconds.
            Assert.Contains(delays.GetMeasurementSnapshot(), m => m.Value is >= 250 and < 5_250);
        }
        finally
        {
            Close(reading);
        }
    }

    [Fact]
    public async Task Remove_EndedConnection_GetsNoMoreSnapshots()
    {
        var first = Connect("first", pauseAfterBytes: 64 * 1024);
        var second = Connect("second", pauseAfterBytes: 64 * 1024);
        try
        {
            Close(first);
            await Fanout.OnStateAsync(State(Sample), null, Sample.ServerTime, [first.Observer, second.Observer]);

            Assert.Single(await second.ReadFramesAsync(1));
            Assert.False(first.ToClient.Reader.TryRead(out _), "a removed connection was written to");
        }
        finally
        {
            Close(second);
        }
    }

    [Fact]
    public async Task OnStateAsync_DeltaConnection_GetsAKeyframeThenDeltasAndAFullConnectionTheSnapshotUnchanged()
    {
        var full = Connect("full", pauseAfterBytes: 64 * 1024);
        var compact = Connect("compact", pauseAfterBytes: 64 * 1024, StateEncoding.Delta);
        try
        {
            for (var frame = 1; frame <= 3; frame++)
            {
                var snapshot = Sample with { Tick = frame };
                await Fanout.OnStateAsync(State(snapshot), Frame(stream: 5, frame), Sample.ServerTime, [full.Observer, compact.Observer]);
            }

            var fullFrames = await full.ReadFramesAsync(3);
            Assert.Equal(
                Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Sample with { Tick = 3 }, RoomJson.Options)),
                JsonDocument.Parse(fullFrames[2]).RootElement.GetProperty("arguments")[0].GetRawText());
            Assert.All(fullFrames, f => Assert.Contains("\"target\":\"Snapshot\"", f));
            var compactFrames = await compact.ReadFramesAsync(3);
            Assert.Equal(["Keyframe:Snapshot:tick 1:{\"x\":10,\"y\":10}", "Delta:[1,1]", "Delta:[1,1]"], compactFrames.Select(Describe));

            // The names the deltas number: those of the stream's first state, in order (tick is the second).
            var names = JsonDocument.Parse(compactFrames[0]).RootElement.GetProperty("arguments")[3];
            Assert.Equal(["roomId", "tick", "serverTime"], names.EnumerateArray().Take(3).Select(static n => n.GetString()));
        }
        finally
        {
            Close(full);
            Close(compact);
        }
    }

    [Fact]
    public async Task OnStateAsync_DeltaConnectionMissedAFrameOrTheStreamChanged_GetsAKeyframe()
    {
        var compact = Connect("gap", pauseAfterBytes: 64 * 1024, StateEncoding.Delta);
        var other = Connect("other", pauseAfterBytes: 64 * 1024, StateEncoding.Delta);
        try
        {
            await Fanout.OnStateAsync(Tick(1), Frame(stream: 5, 1), Sample.ServerTime, [compact.Observer, other.Observer]);
            // Frame 2 went to the other member only (this one was away, say): frame 3 cannot be a delta for this one.
            await Fanout.OnStateAsync(Tick(2), Frame(stream: 5, 2), Sample.ServerTime, [other.Observer]);
            await Fanout.OnStateAsync(Tick(3), Frame(stream: 5, 3), Sample.ServerTime, [compact.Observer, other.Observer]);
            // The room moved to another silo: a new stream, whose frame 4 follows nothing this connection has.
            await Fanout.OnStateAsync(Tick(4), Frame(stream: 6, 1), Sample.ServerTime, [compact.Observer, other.Observer]);

            Assert.Equal(["Keyframe:Snapshot:tick 1:{\"x\":10,\"y\":10}", "Keyframe:Snapshot:tick 3:{\"x\":10,\"y\":10}", "Keyframe:Snapshot:tick 4:{\"x\":10,\"y\":10}"], (await compact.ReadFramesAsync(3)).Select(Describe));
            Assert.Equal(
                ["Keyframe:Snapshot:tick 1:{\"x\":10,\"y\":10}", "Delta:[1,1]", "Delta:[1,1]", "Keyframe:Snapshot:tick 4:{\"x\":10,\"y\":10}"],
                (await other.ReadFramesAsync(4)).Select(Describe));
        }
        finally
        {
            Close(compact);
            Close(other);
        }
    }

    [Fact]
    public async Task Add_RoutedAgain_StartsWithAKeyframe()
    {
        var compact = Connect("again", pauseAfterBytes: 64 * 1024, StateEncoding.Delta);
        try
        {
            await Fanout.OnStateAsync(Tick(1), Frame(stream: 5, 1), Sample.ServerTime, [compact.Observer]);
            Fanout.Add(compact.Observer, compact.Context.ConnectionId, StateEncoding.Delta);
            await Fanout.OnStateAsync(Tick(2), Frame(stream: 5, 2), Sample.ServerTime, [compact.Observer]);

            Assert.Equal(
                ["Keyframe:Snapshot:tick 1:{\"x\":10,\"y\":10}", "Keyframe:Snapshot:tick 2:{\"x\":10,\"y\":10}"],
                (await compact.ReadFramesAsync(2)).Select(Describe));
        }
        finally
        {
            Close(compact);
        }
    }

    [Fact]
    public async Task OnStateAsync_StateArrivingAfterALaterOne_IsNotSentToADeltaConnection()
    {
        var compact = Connect("late", pauseAfterBytes: 64 * 1024, StateEncoding.Delta);
        try
        {
            foreach (var frame in new[] { 1, 3, 2, 4 })
            {
                await Fanout.OnStateAsync(Tick(frame), Frame(stream: 5, frame), Sample.ServerTime, [compact.Observer]);
            }

            Assert.Equal(
                ["Keyframe:Snapshot:tick 1:{\"x\":10,\"y\":10}", "Keyframe:Snapshot:tick 3:{\"x\":10,\"y\":10}", "Delta:[1,1]"],
                (await compact.ReadFramesAsync(3)).Select(Describe));
        }
        finally
        {
            Close(compact);
        }
    }

    /// <summary>The place of a state in the stream <paramref name="stream"/>, with the arena's steps.</summary>
    private static StateFrame Frame(long stream, long frame) => new(stream, frame, new JsonPayload("{\"x\":10,\"y\":10}"u8.ToArray()));

    /// <summary>The sample snapshot at tick <paramref name="tick"/>: consecutive ones differ in their tick only.</summary>
    private static ServerMessage Tick(long tick) => State(Sample with { Tick = tick });

    /// <summary>An invocation frame as <c>Keyframe:method:tick N:steps</c> or <c>Delta:delta</c>.</summary>
    private static string Describe(string frame)
    {
        var root = JsonDocument.Parse(frame).RootElement;
        var arguments = root.GetProperty("arguments");
        return root.GetProperty("target").GetString() switch
        {
            "Keyframe" => $"Keyframe:{arguments[0].GetString()}:tick {arguments[1].GetProperty("tick").GetInt64()}:{arguments[2].GetRawText()}",
            var target => $"{target}:{string.Join(':', arguments.EnumerateArray().Select(static a => a.GetRawText()))}",
        };
    }

    /// <summary>The snapshot as a room pushes it: its JSON, for the hub method <c>Snapshot</c>.</summary>
    private static ServerMessage State(Snapshot snapshot) =>
        new("Snapshot", new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(snapshot, RoomJson.Options)));

    /// <summary>A SignalR connection (JSON) whose transport is a pair of pipes, open on the gateway and routed in the fan-out.</summary>
    private FakeClient Connect(string name, long pauseAfterBytes, StateEncoding encoding = StateEncoding.Full)
    {
        var toClient = new Pipe(new PipeOptions(pauseWriterThreshold: pauseAfterBytes, resumeWriterThreshold: pauseAfterBytes));
        var fromClient = new Pipe();
        var transport = new Duplex(fromClient.Reader, toClient.Writer);
        var application = new Duplex(toClient.Reader, fromClient.Writer);
        var id = $"{name}-{Guid.NewGuid():N}";
        var context = new HubConnectionContext(
            new DefaultConnectionContext(id, transport, application),
            new HubConnectionContextOptions { KeepAliveInterval = TimeSpan.FromMinutes(1), ClientTimeoutInterval = TimeSpan.FromMinutes(2) },
            NullLoggerFactory.Instance)
        {
            Protocol = Services.GetRequiredService<IHubProtocolResolver>().GetProtocol("json", null)!,
        };
        var observer = GrainId.Create("test-observer", id);
        Connections.Add(context);
        Fanout.Add(observer, id, encoding);
        return new FakeClient(context, observer, toClient);
    }

    /// <summary>Ends <paramref name="client"/>'s connection the way the gateway does: out of the fan-out, closed, aborted.</summary>
    private void Close(FakeClient client)
    {
        Fanout.Remove(client.Observer);
        Connections.Remove(client.Context);
        client.Context.Abort();
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    private sealed record FakeClient(HubConnectionContext Context, GrainId Observer, Pipe ToClient)
    {
        public async Task<List<string>> ReadFramesAsync(int count)
        {
            var frames = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (frames.Count < count)
            {
                var result = await ToClient.Reader.ReadAsync(timeout.Token);
                var text = Encoding.UTF8.GetString(result.Buffer.ToArray());
                var complete = text.LastIndexOf('\u001e') + 1;
                frames.AddRange(text[..complete].Split('\u001e', StringSplitOptions.RemoveEmptyEntries));
                ToClient.Reader.AdvanceTo(result.Buffer.GetPosition(Encoding.UTF8.GetByteCount(text[..complete])), result.Buffer.End);
            }

            return frames;
        }
    }
}

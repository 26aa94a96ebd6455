using System.Buffers;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using OrleansGame.Arena.Wire;

namespace OrleansGame.MicroBenchmarks;

/// <summary>
/// Writing one <c>Snapshot</c> invocation of a full room (8 players, no moved orbs) with SignalR's JSON and
/// MessagePack hub protocols, configured as the gateway configures them. The gateway does this once per member
/// per tick; a group send would do it once per room per tick.
/// </summary>
[MemoryDiagnoser]
public class SnapshotSerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly JsonHubProtocol json = new(Options.Create(new JsonHubProtocolOptions
    {
        PayloadSerializerOptions = { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull },
    }));

    private readonly MessagePackHubProtocol messagePack = new();
    private InvocationMessage message = null!;

    /// <summary>A realistic snapshot: 32-character player ids, positions to 0.1, scores, acks and RTTs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var players = Enumerable.Range(0, 8)
            .Select(i => new PlayerState(Guid.NewGuid().ToString("N"), 123.4 + (i * 97.1), 876.5 - (i * 55.3), i * 3, 1_000 + i, 2 + i, false))
            .ToArray();
        var snapshot = new Snapshot("k3x9qa", 12_345, 1_764_100_000_000, "playing", 42_350, players, []);
        message = new InvocationMessage("Snapshot", [snapshot]);
    }

    /// <summary>JSON (the default protocol); returns the bytes written.</summary>
    [Benchmark(Baseline = true)]
    public int Json()
    {
        buffer.ResetWrittenCount();
        json.WriteMessage(message, buffer);
        return buffer.WrittenCount;
    }

    /// <summary>MessagePack; returns the bytes written.</summary>
    [Benchmark]
    public int MessagePack()
    {
        buffer.ResetWrittenCount();
        messagePack.WriteMessage(message, buffer);
        return buffer.WrittenCount;
    }
}

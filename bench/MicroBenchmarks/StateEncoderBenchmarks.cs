using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.MicroBenchmarks;

/// <summary>
/// Diffing one arena tick against the one before it, as a gateway with compact connections in the room does once per
/// room per tick: 8 players steering (positions, acks and RTTs change), now and then an orb eaten.
/// </summary>
[MemoryDiagnoser]
public class StateEncoderBenchmarks
{
    private readonly StateSteps steps = StateSteps.Of(new ArenaMode(new ArenaOptions()).Settings.Quantize);
    private byte[][] ticks = [];
    private StateEncoder encoder = null!;
    private int next;

    /// <summary>200 consecutive ticks of a room of 8, as the room serialises them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var players = Enumerable.Range(0, 8)
            .Select(i => new PlayerState(Guid.NewGuid().ToString("N"), 123.4 + (i * 97.1), 876.5 - (i * 55.3), i * 3, 1_000 + i, 20 + i, false))
            .ToArray();
        ticks = new byte[200][];
        for (var tick = 0; tick < ticks.Length; tick++)
        {
            for (var i = 0; i < players.Length; i++)
            {
                var p = players[i];
                players[i] = p with
                {
                    X = Math.Round(p.X + random.Next(-10, 11) / 2.0, 1),
                    Y = Math.Round(p.Y + random.Next(-10, 11) / 2.0, 1),
                    AckSeq = p.AckSeq + 1,
                    RttMs = 20 + random.Next(3),
                };
            }

            OrbState[] orbs = random.Next(10) == 0 ? [new OrbState(random.Next(24), random.Next(1000), random.Next(1000))] : [];
            var snapshot = new Snapshot("k3x9qa", 12_345 + tick, 1_764_100_000_000 + (tick * 50), "playing", 42_350 - (tick * 50), [.. players], orbs);
            ticks[tick] = JsonSerializer.SerializeToUtf8Bytes(snapshot, RoomJson.Options);
        }

        encoder = new StateEncoder();
        encoder.Next(steps, ticks[0], follows: false);
        next = 1;
    }

    /// <summary>The next tick's delta (the last tick wraps to the first: a state that changed throughout).</summary>
    [Benchmark]
    public int Next()
    {
        var delta = encoder.Next(steps, ticks[next], follows: true)!;
        next = (next + 1) % ticks.Length;
        return delta.Length;
    }

    /// <summary>Frees the encoder's last state.</summary>
    [GlobalCleanup]
    public void Cleanup() => encoder.Dispose();
}

using BenchmarkDotNet.Attributes;
using OrleansGame.Arena;
using OrleansGame.Arena.Simulation;

namespace OrleansGame.MicroBenchmarks;

/// <summary>
/// The room's tick work in the simulation: one 50 ms step of an arena with 8 or 64 players, every player steering
/// (one new intent per step, as inputs arrive), collecting orbs that respawn. Steady state must not allocate.
/// </summary>
[MemoryDiagnoser]
public class ArenaStepBenchmarks
{
    private const int StepsPerInvoke = 20;
    private readonly (double Dx, double Dy)[] directions = new (double, double)[64];
    private ArenaSimulation arena = null!;
    private int turn;

    /// <summary>Players in the arena.</summary>
    [Params(8, 64)]
    public int Players { get; set; }

    /// <summary>Builds the arena with default rules (capacity raised to fit 64) and moving players.</summary>
    [GlobalSetup]
    public void Setup()
    {
        arena = new ArenaSimulation(new ArenaOptions { Capacity = 64 }, seed: 42);
        for (var i = 0; i < Players; i++)
        {
            arena.AddPlayer($"player-{i:D2}-0123456789abcdef0123456789");
        }

        for (var i = 0; i < directions.Length; i++)
        {
            var angle = i * Math.Tau / directions.Length;
            directions[i] = (Math.Cos(angle), Math.Sin(angle));
        }
    }

    /// <summary>One step, one player's intent changed before it (reported per step); returns the round events seen.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public int Step()
    {
        var events = StepEvents.None;
        var players = arena.Players;
        for (var i = 0; i < StepsPerInvoke; i++)
        {
            var (dx, dy) = directions[turn++ & 63];
            players[turn % players.Count].SetIntent(dx, dy);
            events |= arena.Step(0.05);
        }

        return (int)events;
    }
}

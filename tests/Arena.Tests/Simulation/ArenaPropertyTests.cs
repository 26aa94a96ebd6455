using CsCheck;
using OrleansGame.Arena.Simulation;

namespace OrleansGame.Arena.Tests.Simulation;

/// <summary>Properties that must hold whatever inputs reach the arena, including values the gateway would never let through.</summary>
public sealed class ArenaPropertyTests
{
    private const int Iterations = 1_000;
    private const int Players = 4;

    private static readonly ArenaOptions Options = new()
    {
        WorldWidth = 300,
        WorldHeight = 200,
        OrbCount = 24,
        RoundDuration = TimeSpan.FromSeconds(1),
        ResultsDuration = TimeSpan.FromSeconds(0.3),
    };

    private static readonly Gen<double> Component = Gen.Frequency(
        (6, Gen.Double[-1.5, 1.5]),
        (2, Gen.Double),
        (2, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -1e308, double.Epsilon, 0.0)));

    private static readonly Gen<double> StepLength = Gen.Frequency(
        (8, Gen.Double[0, 0.2]),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, -1.0, 0.0)));

    private static readonly Gen<Command> Commands = Gen.Select(Gen.Int[0, Players - 1], Component, Component, StepLength, Gen.Bool)
        .Select((player, dx, dy, dt, away) => new Command(player, dx, dy, dt, away));

    private static readonly Gen<(ulong Seed, Command[] Commands)> Scenarios = Gen.Select(Gen.ULong, Commands.Array[1, 80]);

    [Fact]
    public void Step_WhateverTheInputs_KeepsPositionsFiniteAndInsideTheWorld() =>
        Scenarios.Sample((seed, commands) => Run(seed, commands, static (arena, _, _, _) =>
        {
            foreach (var p in arena.Players)
            {
                Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y), "position must be finite");
                Assert.InRange(p.X, Options.PlayerRadius, Options.WorldWidth - Options.PlayerRadius);
                Assert.InRange(p.Y, Options.PlayerRadius, Options.WorldHeight - Options.PlayerRadius);
            }

            foreach (var orb in arena.Orbs)
            {
                Assert.InRange(orb.X, Options.OrbRadius, Options.WorldWidth - Options.OrbRadius);
                Assert.InRange(orb.Y, Options.OrbRadius, Options.WorldHeight - Options.OrbRadius);
            }
        }), iter: Iterations);

    [Fact]
    public void Step_WhateverTheInputs_NobodyMovesMoreThanSpeedTimesDt() =>
        Scenarios.Sample((seed, commands) => Run(seed, commands, static (arena, before, command, _) =>
        {
            var dt = double.IsFinite(command.Dt) && command.Dt > 0 ? command.Dt : 0;
            var limit = (Options.PlayerSpeed * dt * (1 + 1e-12)) + 1e-9;
            for (var i = 0; i < arena.Players.Count; i++)
            {
                var moved = Math.Sqrt(Math.Pow(arena.Players[i].X - before[i].X, 2) + Math.Pow(arena.Players[i].Y - before[i].Y, 2));
                Assert.True(moved <= limit, $"moved {moved} in a step of {dt} s");
            }
        }), iter: Iterations);

    [Fact]
    public void Step_WithinARound_ScoresNeverFall() =>
        Scenarios.Sample((seed, commands) => Run(seed, commands, static (arena, before, _, events) =>
        {
            if ((events & StepEvents.RoundStarted) != 0)
            {
                Assert.All(arena.Players, p => Assert.Equal(0, p.Score));
                return;
            }

            for (var i = 0; i < arena.Players.Count; i++)
            {
                Assert.True(arena.Players[i].Score >= before[i].Score, "a score fell within a round");
            }
        }), iter: Iterations);

    private static void Run(ulong seed, Command[] commands, Action<ArenaSimulation, (double X, double Y, int Score)[], Command, StepEvents> check)
    {
        var arena = new ArenaSimulation(Options, seed);
        for (var i = 0; i < Players; i++)
        {
            arena.AddPlayer($"p{i}");
        }

        var before = new (double X, double Y, int Score)[Players];
        foreach (var command in commands)
        {
            var id = $"p{command.Player}";
            if (command.Away != arena.Players[command.Player].Away && command.Dx > 0.9)
            {
                arena.SetAway(id, command.Away);
            }

            arena.Players[command.Player].SetIntent(command.Dx, command.Dy);
            for (var i = 0; i < Players; i++)
            {
                before[i] = (arena.Players[i].X, arena.Players[i].Y, arena.Players[i].Score);
            }

            var events = arena.Step(command.Dt);
            check(arena, before, command, events);
        }
    }

    internal readonly record struct Command(int Player, double Dx, double Dy, double Dt, bool Away);
}

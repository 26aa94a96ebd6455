using OrleansGame.Arena.Simulation;

namespace OrleansGame.Arena.Tests.Simulation;

public sealed class ArenaSimulationTests
{
    private const double Dt = 0.05;

    private static ArenaOptions Options(int orbs = 24) => new() { OrbCount = orbs };

    [Fact]
    public void Step_WithIntent_MovesSpeedTimesDtAlongTheIntent()
    {
        var arena = new ArenaSimulation(Options(orbs: 0), seed: 1);
        var player = arena.RestorePlayer("p", 500, 500, 0.6, -0.8, 0, away: false);

        arena.Step(Dt);

        Assert.Equal(500 + (0.6 * 200 * Dt), player.X, 9);
        Assert.Equal(500 - (0.8 * 200 * Dt), player.Y, 9);
    }

    [Fact]
    public void Step_WithoutNewInput_KeepsTheLastDirection()
    {
        var arena = new ArenaSimulation(Options(orbs: 0), seed: 1);
        var player = arena.RestorePlayer("p", 100, 500, 1, 0, 0, away: false);

        for (var i = 0; i < 10; i++)
        {
            arena.Step(Dt);
        }

        Assert.Equal(100 + (10 * 200 * Dt), player.X, 9);
        Assert.Equal(500, player.Y, 9);
    }

    [Fact]
    public void Step_AgainstTheWall_ClampsInsideTheWorld()
    {
        var arena = new ArenaSimulation(Options(orbs: 0), seed: 1);
        var player = arena.RestorePlayer("p", 990, 15, 1, -1, 0, away: false);

        arena.Step(1);

        Assert.Equal(1000 - 20, player.X, 9);
        Assert.Equal(20, player.Y, 9);
    }

    [Fact]
    public void SetAway_ClearsTheIntentSoThePlayerStandsStill()
    {
        var arena = new ArenaSimulation(Options(orbs: 0), seed: 1);
        var player = arena.RestorePlayer("p", 500, 500, 1, 0, 0, away: false);

        arena.SetAway("p", away: true);
        arena.Step(Dt);

        Assert.Equal(500, player.X, 9);
        Assert.Equal(0, player.Dx);
    }

    [Fact]
    public void Step_PlayerOverAnOrb_ScoresAndRespawnsTheOrbAndReportsItMoved()
    {
        var arena = new ArenaSimulation(Options(orbs: 3), seed: 7);
        var orb = arena.Orbs[1];
        var player = arena.RestorePlayer("p", orb.X, orb.Y, 0, 0, 0, away: false);

        arena.Step(Dt);

        Assert.True(player.Score >= 1);
        Assert.Contains(1, arena.MovedOrbs.ToArray());
        Assert.NotEqual(orb, arena.Orbs[1]);
        arena.Step(Dt);
        Assert.True(arena.MovedOrbs.IsEmpty);
    }

    [Fact]
    public void Step_RoundClock_GoesPlayingThenResultsThenANewRoundWithScoresReset()
    {
        var options = new ArenaOptions { OrbCount = 0, RoundDuration = TimeSpan.FromSeconds(1), ResultsDuration = TimeSpan.FromSeconds(0.5) };
        var arena = new ArenaSimulation(options, seed: 1);
        var player = arena.RestorePlayer("p", 500, 500, 0, 0, 5, away: false);
        var seen = new List<(long Tick, StepEvents Events)>();

        for (var i = 0; i < 40; i++)
        {
            var events = arena.Step(Dt);
            if (events != StepEvents.None)
            {
                seen.Add((arena.Tick, events));
            }

            if (events == StepEvents.RoundEnded)
            {
                Assert.Equal(ArenaPhase.Results, arena.Phase);
                Assert.Equal(5, player.Score);
            }
        }

        Assert.Equal([(20L, StepEvents.RoundEnded), (30L, StepEvents.RoundStarted)], seen.Take(2));
        Assert.Equal(0, player.Score);
        Assert.Equal(ArenaPhase.Playing, arena.Phase);
    }

    [Fact]
    public void Step_InResultsPhase_NobodyMoves()
    {
        var options = new ArenaOptions { OrbCount = 0, RoundDuration = TimeSpan.FromSeconds(0.1) };
        var arena = new ArenaSimulation(options, seed: 1);
        arena.Step(0.1);
        var player = arena.RestorePlayer("p", 500, 500, 1, 0, 0, away: false);

        arena.Step(Dt);

        Assert.Equal(ArenaPhase.Results, arena.Phase);
        Assert.Equal(500, player.X, 9);
    }

    [Fact]
    public void Constructor_SameSeed_PlacesTheSameOrbs()
    {
        var a = new ArenaSimulation(Options(), seed: 42);
        var b = new ArenaSimulation(Options(), seed: 42);
        var c = new ArenaSimulation(Options(), seed: 43);

        Assert.Equal(a.Orbs.ToArray(), b.Orbs.ToArray());
        Assert.NotEqual(a.Orbs.ToArray(), c.Orbs.ToArray());
        Assert.All(a.Orbs.ToArray(), o => Assert.InRange(o.X, 8, 992));
    }

    [Fact]
    public void Restore_FromCapturedState_ContinuesExactlyAsTheOriginal()
    {
        var options = new ArenaOptions { WorldWidth = 200, WorldHeight = 200, OrbCount = 24 };
        var original = new ArenaSimulation(options, seed: 9);
        original.AddPlayer("a").SetIntent(1, 0.3);
        original.AddPlayer("b").SetIntent(-0.2, 1);
        for (var i = 0; i < 50; i++)
        {
            original.Step(Dt);
        }

        var copy = new ArenaSimulation(options, seed: 12345);
        copy.RestoreClock(original.Tick, original.Phase, original.PhaseRemainingSeconds, original.RandomState);
        for (var i = 0; i < original.Orbs.Length; i++)
        {
            copy.RestoreOrb(i, original.Orbs[i].X, original.Orbs[i].Y);
        }

        foreach (var p in original.Players)
        {
            copy.RestorePlayer(p.Id, p.X, p.Y, p.Dx, p.Dy, p.Score, p.Away);
        }

        for (var i = 0; i < 100; i++)
        {
            original.Step(Dt);
            copy.Step(Dt);
        }

        Assert.Equal(original.Orbs.ToArray(), copy.Orbs.ToArray());
        Assert.Equal(original.Players.Select(p => (p.X, p.Y, p.Score)), copy.Players.Select(p => (p.X, p.Y, p.Score)));
        Assert.True(original.Players.Sum(p => p.Score) > 0, "a small crowded world should produce pickups");
    }

    [Fact]
    public void Step_SteadyState_AllocatesNothing()
    {
        var options = new ArenaOptions { WorldWidth = 300, WorldHeight = 300 };
        var arena = new ArenaSimulation(options, seed: 3);
        for (var i = 0; i < 8; i++)
        {
            arena.AddPlayer($"p{i}").SetIntent(Math.Cos(i), Math.Sin(i));
        }

        for (var i = 0; i < 100; i++)
        {
            arena.Step(Dt);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++)
        {
            arena.Step(Dt);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using System.Text.Json;
using OrleansGame.Arena.Tests.Infrastructure;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena.Tests;

public sealed class ArenaModeTests
{
    private static readonly ArenaOptions NoOrbs = new() { OrbCount = 0 };

    [Fact]
    public void Settings_DefaultOptions_MatchTodaysRoomsAndLimits()
    {
        var settings = new ArenaMode(new ArenaOptions()).Settings;

        Assert.Equal((20, 8), (settings.TickRate, settings.Capacity));
        Assert.Equal((20.0, 30.0, 5.0), (settings.SeatHold.TotalSeconds, settings.EmptyRoomLifetime.TotalSeconds, settings.CheckpointInterval.TotalSeconds));
        Assert.Equal("Snapshot", settings.StateMethod);
        Assert.Equal(["Chat", "RoomEvent"], settings.OwnMethods.Order(StringComparer.Ordinal));
        Assert.True(settings.JoinInProgress);
        Assert.False(settings.StatePerMember);
        Assert.Equal(
            [("Input", typeof(InputMessage), 256, 30, 10, "invalid_argument"), ("Chat", typeof(ChatRequest), 1024, 1, 3, "invalid_argument")],
            settings.Messages.Select(r => (r.Type, r.PayloadType, r.MaxBytes, r.PerSecond, r.Burst, r.InvalidCode)));
    }

    [Fact]
    public void Settings_ConfiguredOptions_ReachTheModeSettings()
    {
        var options = new ArenaOptions
        {
            Capacity = 4,
            ReconnectWindow = TimeSpan.FromSeconds(3),
            EmptyRoomDisposeAfter = TimeSpan.FromSeconds(7),
            CheckpointInterval = TimeSpan.FromSeconds(2),
            InputPerSecond = 60,
            InputBurst = 20,
            ChatPerSecond = 2,
            ChatBurst = 5,
        };

        var settings = new ArenaMode(options).Settings;

        Assert.Equal(4, settings.Capacity);
        Assert.Equal((3.0, 7.0, 2.0), (settings.SeatHold.TotalSeconds, settings.EmptyRoomLifetime.TotalSeconds, settings.CheckpointInterval.TotalSeconds));
        Assert.Equal([(60, 20), (2, 5)], settings.Messages.Select(r => (r.PerSecond, r.Burst)));
    }

    [Theory]
    [InlineData(50, 20)]
    [InlineData(30, 33)]
    [InlineData(16.6667, 60)]
    [InlineData(1000, 1)]
    public void Settings_TickInterval_BecomesTheNearestWholeTickRate(double milliseconds, int rate)
    {
        var mode = new ArenaMode(new ArenaOptions { TickInterval = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.Equal(rate, mode.Settings.TickRate);
    }

    [Fact]
    public void OnTick_NewerInput_IsAppliedAndAckedAtTheTick()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 0, 0, 0, away: false);

        arena.Tick(("p1", "Input", new InputMessage(1, 1, 0)));

        var me = Player(arena, "p1");
        Assert.Equal((510.0, 500.0, 1L), (me.X, me.Y, me.AckSeq));
        Assert.Empty(arena.Room.Rejections);
    }

    [Fact]
    public void OnTick_SeveralInputsInOneBatch_AppliesThemInOrder()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 0, 0, 0, away: false);

        arena.Tick(("p1", "Input", new InputMessage(1, 1, 0)), ("p1", "Input", new InputMessage(2, -1, 0)));

        Assert.Equal((490.0, 2L), (Player(arena, "p1").X, Player(arena, "p1").AckSeq));
    }

    [Fact]
    public void OnTick_StaleInput_IsIgnoredWithoutError()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 0, 0, 0, away: false);
        arena.Tick(("p1", "Input", new InputMessage(5, 1, 0)));

        arena.Tick(("p1", "Input", new InputMessage(5, -1, 0)), ("p1", "Input", new InputMessage(3, 0, 1)));

        var me = Player(arena, "p1");
        Assert.Equal((520.0, 500.0, 5L), (me.X, me.Y, me.AckSeq));
        Assert.Empty(arena.Room.Rejections);
    }

    public static TheoryData<object> BrokenInputs => new()
    {
        new InputMessage(1, 2, 0),
        new InputMessage(1, double.NaN, 0),
        new InputMessage(null, 0, 0),
        new InputMessage(1, 0, null),
        new ChatRequest("not an input"),
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void OnTick_BrokenInput_RejectsWithInvalidInputAndKeepsStill(object payload)
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 0, 0, 0, away: false);

        arena.Tick(("p1", "Input", payload));

        var rejection = Assert.Single(arena.Room.Rejections);
        Assert.Equal(("p1", "invalid_input"), (rejection.To, rejection.Code));
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        Assert.Equal((500.0, 0L), (Player(arena, "p1").X, Player(arena, "p1").AckSeq));
    }

    [Fact]
    public void OnTick_InputFromAnAwayMember_IsIgnored()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 0, 0, 0, away: false);
        arena.Drop("p1");

        arena.Tick(("p1", "Input", new InputMessage(1, 1, 0)), ("p1", "Input", new InputMessage(2, 5, 0)));

        Assert.Equal((500.0, 0L), (Player(arena, "p1").X, Player(arena, "p1").AckSeq));
        Assert.Empty(arena.Room.Rejections);
    }

    [Fact]
    public void OnTick_MessageFromSomeoneNotSeated_IsIgnored()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");

        arena.Tick(("ghost", "Input", new InputMessage(1, 1, 0)), ("ghost", "Chat", new ChatRequest("boo")));

        Assert.Empty(arena.Room.Rejections);
        Assert.DoesNotContain(arena.Room.Sent, d => d.Type == "Chat");
    }

    [Fact]
    public void OnTick_ValidChat_BroadcastsTheTrimmedLineToEveryMemberIncludingTheSender()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.Join("p2", "Bob");

        arena.Tick(("p1", "Chat", new ChatRequest("  gg  ")));

        var chats = arena.Room.Sent.Where(d => d.Type == "Chat").ToList();
        Assert.Equal(["p1", "p2"], chats.Select(d => d.To));
        Assert.All(chats, d => Assert.Equal(
            """{"playerId":"p1","name":"Alice","text":"gg","serverTime":1700000000050}""",
            ArenaRoom.Serialize(d.Payload)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    [InlineData(null)]
    public void OnTick_InvalidChat_RejectsWithInvalidChatAndSendsNothing(string? text)
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.Join("p2", "Bob");

        arena.Tick(("p1", "Chat", new ChatRequest(text)));

        var rejection = Assert.Single(arena.Room.Rejections);
        Assert.Equal(("p1", "invalid_chat"), (rejection.To, rejection.Code));
        Assert.DoesNotContain(arena.Room.Sent, d => d.Type == "Chat");
    }

    [Fact]
    public void OnJoin_NewMembers_AppearInJoinOrderInsideTheWorld()
    {
        var arena = new ArenaRoom();

        arena.Join("p2", "Bob");
        arena.Join("p1", "Alice");
        arena.Tick();

        var players = Snapshot(arena).Players;
        Assert.Equal(["p2", "p1"], players.Select(p => p.PlayerId));
        Assert.All(players, p => Assert.InRange(p.X, 20, 980));
        Assert.All(players, p => Assert.Equal((0, 0L, false), (p.Score, p.AckSeq, p.Away)));
        Assert.DoesNotContain(arena.Room.Sent, d => d.Type == "RoomEvent");
    }

    [Fact]
    public void OnLeave_Dropped_KeepsThePlayerAwayStandingStillWithItsScore()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 1, 0, 4, away: false);

        arena.Drop("p1");
        arena.Ticks(3);

        var me = Player(arena, "p1");
        Assert.Equal((500.0, 4, true), (me.X, me.Score, me.Away));
    }

    [Fact]
    public void OnReturn_AfterADrop_StandsStillUntilTheNextInput()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.State.RestorePlayer("p1", 500, 500, 1, 0, 0, away: false);
        arena.Tick(("p1", "Input", new InputMessage(1, 1, 0)));
        arena.Drop("p1");

        arena.Return("p1");
        arena.Tick();
        var standing = Player(arena, "p1");
        arena.Tick(("p1", "Input", new InputMessage(2, 0, 1)));

        Assert.Equal((510.0, false, 1L), (standing.X, standing.Away, standing.AckSeq));
        Assert.Equal((510.0, 510.0, 2L), (Player(arena, "p1").X, Player(arena, "p1").Y, Player(arena, "p1").AckSeq));
    }

    [Theory]
    [InlineData(LeaveReason.Left)]
    [InlineData(LeaveReason.SeatExpired)]
    public void OnLeave_ForGood_RemovesThePlayer(LeaveReason reason)
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.Join("p2", "Bob");
        arena.Tick(("p1", "Input", new InputMessage(9, 1, 0)));

        arena.Leave("p1", reason);
        arena.Join("p1", "Alice");
        arena.Tick();

        Assert.Equal(["p2", "p1"], Snapshot(arena).Players.Select(p => p.PlayerId));
        Assert.Equal(0, Player(arena, "p1").AckSeq);
    }

    [Fact]
    public void OnTick_RoundEnds_RecordsEveryResultAndBroadcastsRoundEnded()
    {
        var arena = new ArenaRoom(new ArenaOptions { OrbCount = 0, RoundDuration = TimeSpan.FromSeconds(0.1) });
        arena.Join("a", "Alice");
        arena.Join("b", "Bob");
        arena.Join("c", "Carol");
        arena.State.RestorePlayer("a", 100, 100, 0, 0, 2, away: false);
        arena.State.RestorePlayer("b", 300, 300, 0, 0, 5, away: false);
        arena.State.RestorePlayer("c", 500, 500, 0, 0, 5, away: false);

        arena.Tick();
        Assert.Empty(arena.Room.Results);
        arena.Tick();

        // Everyone tied at the top of a counted round wins it.
        Assert.Equal(
            [new GameResult("b", 5, true, true), new GameResult("c", 5, true, true), new GameResult("a", 2, true, false)],
            arena.Room.Results);
        var events = arena.Room.Sent.Where(d => d.Type == "RoomEvent").ToList();
        Assert.Equal(["a", "b", "c"], events.Select(d => d.To));
        Assert.All(events, d => Assert.Equal(
            """{"type":"round_ended","results":[{"playerId":"b","name":"Bob","score":5},{"playerId":"c","name":"Carol","score":5},{"playerId":"a","name":"Alice","score":2}]}""",
            ArenaRoom.Serialize(d.Payload)));
        Assert.Equal("results", arena.Room.Phase);
        Assert.Equal(("results", 5000), (Snapshot(arena).Phase, Snapshot(arena).RemainingMs));
    }

    [Fact]
    public void OnTick_RoundWithOnePlayer_IsNotCountedAndHasNoWinner()
    {
        var arena = new ArenaRoom(new ArenaOptions { OrbCount = 0, RoundDuration = TimeSpan.FromSeconds(0.1) });
        arena.Join("a", "Alice");
        arena.State.RestorePlayer("a", 100, 100, 0, 0, 3, away: false);

        arena.Ticks(2);

        Assert.Equal([new GameResult("a", 3, false, false)], arena.Room.Results);
    }

    [Fact]
    public void OnTick_RoundNobodyScoredIn_CountsWithoutAWinner()
    {
        var arena = new ArenaRoom(new ArenaOptions { OrbCount = 0, RoundDuration = TimeSpan.FromSeconds(0.1) });
        arena.Join("a", "Alice");
        arena.Join("b", "Bob");

        arena.Ticks(2);

        Assert.Equal([new GameResult("a", 0, true, false), new GameResult("b", 0, true, false)], arena.Room.Results);
    }

    [Fact]
    public void OnTick_ResultsPhaseOver_BroadcastsRoundStartedWithScoresReset()
    {
        var options = new ArenaOptions { OrbCount = 0, RoundDuration = TimeSpan.FromSeconds(0.1), ResultsDuration = TimeSpan.FromSeconds(0.1) };
        var arena = new ArenaRoom(options);
        arena.Join("a", "Alice");
        arena.State.RestorePlayer("a", 100, 100, 0, 0, 3, away: false);
        arena.Ticks(2);

        arena.Ticks(2);

        var events = arena.Room.Sent.Where(d => d.Type == "RoomEvent").Select(d => (ArenaRoomEvent)d.Payload).ToList();
        Assert.Equal(["round_ended", "round_started"], events.Select(e => e.Type));
        Assert.Equal("""{"type":"round_started"}""", ArenaRoom.Serialize(events[1]));
        Assert.Equal("playing", arena.Room.Phase);
        Assert.Equal(("playing", 100, 0), (Snapshot(arena).Phase, Snapshot(arena).RemainingMs, Player(arena, "a").Score));
    }

    [Fact]
    public void GetState_AfterATick_WritesTheSnapshotJsonClientsRead()
    {
        var arena = new ArenaRoom(NoOrbs);
        arena.Join("p1", "Alice");
        arena.Room.SetRtt("p1", 24);
        arena.Join("p2", "Bob");
        arena.State.RestorePlayer("p1", 500.04, 500, 0, 0, 0, away: false);
        arena.State.RestorePlayer("p2", 100, 200.06, 0, 0, 0, away: false);
        arena.Drop("p2");

        arena.Tick(("p1", "Input", new InputMessage(1, 0, -1)));

        Assert.Equal(
            """{"roomId":"k3x9qa","tick":1,"serverTime":1700000000050,"phase":"playing","remainingMs":59950,"players":[{"playerId":"p1","x":500,"y":490,"score":0,"ackSeq":1,"rttMs":24,"away":false},{"playerId":"p2","x":100,"y":200.1,"score":0,"ackSeq":0,"rttMs":0,"away":true}],"orbs":[]}""",
            arena.StateJson());
    }

    [Fact]
    public void GetState_OrbCollected_ListsOnlyThatOrbForOneTick()
    {
        var arena = new ArenaRoom(new ArenaOptions { OrbCount = 3 });
        arena.Join("p1", "Alice");
        var orb = arena.State.Orbs[1];
        arena.State.RestorePlayer("p1", orb.X, orb.Y, 0, 0, 0, away: false);

        arena.Tick();
        var collected = Snapshot(arena);
        arena.Tick();

        var moved = Assert.Single(collected.Orbs);
        Assert.Equal(1, moved.Id);
        Assert.Equal((Math.Round(arena.State.Orbs[1].X * 10) / 10, Math.Round(arena.State.Orbs[1].Y * 10) / 10), (moved.X, moved.Y));
        Assert.Equal(1, collected.Players[0].Score);
        Assert.Empty(Snapshot(arena).Orbs);
    }

    [Fact]
    public void GetJoinState_Json_HasEveryOrbTheSnapshotWithoutOrbsAndTheGeometry()
    {
        var arena = new ArenaRoom(new ArenaOptions { OrbCount = 2 });
        arena.Join("p1", "Alice");
        arena.State.RestoreOrb(0, 100.04, 200.06);
        arena.State.RestoreOrb(1, 300.5, 400);
        arena.State.RestorePlayer("p1", 500, 500, 0, 0, 0, away: false);

        Assert.Equal(
            """{"orbs":[{"id":0,"x":100,"y":200.1},{"id":1,"x":300.5,"y":400}],"snapshot":{"roomId":"k3x9qa","tick":0,"serverTime":1700000000000,"phase":"playing","remainingMs":60000,"players":[{"playerId":"p1","x":500,"y":500,"score":0,"ackSeq":0,"rttMs":0,"away":false}],"orbs":[]},"arena":{"worldWidth":1000,"worldHeight":1000,"playerRadius":20,"orbRadius":8,"playerSpeed":200,"tickMs":50,"orbCount":2}}""",
            arena.JoinStateJson("p1"));
    }

    [Fact]
    public void GetJoinState_ConfiguredArena_CarriesTheServersGeometry()
    {
        var options = new ArenaOptions
        {
            WorldWidth = 640,
            WorldHeight = 480,
            PlayerRadius = 12.5,
            OrbRadius = 4,
            PlayerSpeed = 150,
            OrbCount = 5,
            TickInterval = TimeSpan.FromMilliseconds(40),
        };
        var arena = new ArenaRoom(options);
        arena.Join("p1", "Alice");

        using var document = JsonDocument.Parse(arena.JoinStateJson("p1"));
        var state = document.RootElement;

        Assert.Equal(
            """{"worldWidth":640,"worldHeight":480,"playerRadius":12.5,"orbRadius":4,"playerSpeed":150,"tickMs":40,"orbCount":5}""",
            state.GetProperty("arena").GetRawText());
        Assert.Equal(5, state.GetProperty("orbs").GetArrayLength());
    }

    private static Snapshot Snapshot(ArenaRoom arena) => JsonSerializer.Deserialize<Snapshot>(arena.StateJson(), RoomJson.Options)!;

    private static PlayerState Player(ArenaRoom arena, string playerId) => Snapshot(arena).Players.Single(p => p.PlayerId == playerId);
}

using System.Text.Json;
using OrleansGame.FourInARow.Tests.Infrastructure;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.FourInARow.Tests;

/// <summary>The rules through the mode's hooks, as the host calls them, with a room and a clock of the test's.</summary>
public sealed class FourInARowModeTests
{
    // A full board without four in a line: each column alternates, each row runs 1 1 2 2 1 1 2 (or its swap).
    private static readonly int[] DrawnGame =
        [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 4, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 5];

    [Fact]
    public void Join_SecondPlayer_StartsAGameWithDiscOneToMoveAndTheClockRunning()
    {
        var table = new Table().Join("ada");
        Assert.Equal(GamePhases.Waiting, table.View.Phase);

        table.Join("bob");

        var view = table.View;
        Assert.Equal(GamePhases.Playing, view.Phase);
        Assert.Equal([("ada", 1), ("bob", 2)], view.Players.Select(static p => (p.Id, p.Disc)));
        Assert.Equal("ada", view.Turn);
        Assert.Equal((table.Room.Now + Table.TurnTime).ToUnixTimeMilliseconds(), view.TurnEndsAt);
        Assert.All(view.Board, static row => Assert.Equal(new int[7], row));
    }

    public static TheoryData<string, int[], (int Column, int Row)[]> Wins => new()
    {
        { "horizontal", [0, 0, 1, 1, 2, 2, 3], [(0, 5), (1, 5), (2, 5), (3, 5)] },
        { "vertical", [0, 1, 0, 1, 0, 1, 0], [(0, 2), (0, 3), (0, 4), (0, 5)] },
        { "diagonal up", [0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3], [(0, 5), (1, 4), (2, 3), (3, 2)] },
        { "diagonal down", [6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3], [(3, 2), (4, 3), (5, 4), (6, 5)] },
    };

    [Theory]
    [MemberData(nameof(Wins))]
    public void Drop_FourInALine_WinsAndRecordsBothResults(string direction, int[] columns, (int Column, int Row)[] line)
    {
        var table = new Table().Join("ada", "bob");

        table.Play(columns);

        var view = table.View;
        Assert.True(view.Phase == GamePhases.Over, $"no {direction} win");
        Assert.Equal(("ada", GameOutcomes.Win), (view.Winner, view.Outcome));
        Assert.Equal(line.Select(static c => new CellView(c.Column, c.Row)), view.WinLine!.OrderBy(static c => c.Column));
        Assert.Null(view.Turn);
        Assert.Null(view.TurnEndsAt);
        Assert.Equal(columns.Length, view.Moves);
        Assert.Equal([1, 0], view.Players.Select(static p => p.Wins));
        Assert.Equal(
            [new GameResult("ada", 0, Counted: true, Won: true), new GameResult("bob", 0, Counted: true, Won: false)],
            table.Room.Results);
        Assert.Equal(GamePhases.Over, table.Room.Phase);
    }

    [Fact]
    public void Drop_LastCellWithoutALine_IsADrawWithNoWinner()
    {
        var table = new Table().Join("ada", "bob");

        table.Play(DrawnGame);

        var view = table.View;
        Assert.Equal((GamePhases.Over, GameOutcomes.Draw), (view.Phase, view.Outcome));
        Assert.Null(view.Winner);
        Assert.Null(view.WinLine);
        Assert.Equal(42, view.Moves);
        Assert.All(view.Board, static row => Assert.DoesNotContain(0, row));
        Assert.All(table.Room.Results, static r => Assert.False(r.Won));
        Assert.Equal(2, table.Room.Results.Count);
    }

    [Fact]
    public void Drop_OutOfTurn_IsRefusedWithNotYourTurnAndChangesNothing()
    {
        var table = new Table().Join("ada", "bob");

        table.Tick(Table.Move("bob", 3));

        AssertRefused(table, "bob", FourInARowErrorCodes.NotYourTurn);
        Assert.Equal(0, table.View.Moves);
        Assert.Equal("ada", table.View.Turn);
    }

    [Fact]
    public void Drop_IntoAFullColumn_IsRefusedWithColumnFullAndTheTurnStays()
    {
        var table = new Table().Join("ada", "bob");
        table.Play(2, 2, 2, 2, 2, 2);
        var endsAt = table.View.TurnEndsAt;

        table.Tick(Table.Move("ada", 2));

        AssertRefused(table, "ada", FourInARowErrorCodes.ColumnFull);
        Assert.Equal(("ada", 6, endsAt), (table.View.Turn, table.View.Moves, table.View.TurnEndsAt));
    }

    [Fact]
    public void Drop_WithNoGameRunning_IsRefusedWithNotPlaying()
    {
        var table = new Table().Join("ada");
        table.Tick(Table.Move("ada", 0));
        AssertRefused(table, "ada", FourInARowErrorCodes.NotPlaying);

        table.Join("bob");
        table.Play(0, 1, 0, 1, 0, 1, 0);
        table.Room.Rejections.Clear();
        table.Tick(Table.Move("bob", 4));

        AssertRefused(table, "bob", FourInARowErrorCodes.NotPlaying);
        Assert.Equal(7, table.View.Moves);
    }

    [Theory]
    [InlineData("""{"column": 7}""")]
    [InlineData("""{"column": -1}""")]
    [InlineData("""{"column": 2.5}""")]
    [InlineData("""{"column": "3"}""")]
    [InlineData("""{"row": 3}""")]
    public void DropRule_ColumnOutOfRangeOrMissing_DoesNotReadSoTheRoomRefusesItWithInvalidArgument(string payload)
    {
        var rule = new Table().Mode.Settings.Messages.Single(static m => m.Type == FourInARowMessageTypes.Drop);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(payload, rule.PayloadType, RoomJson.Options));
        Assert.Equal("invalid_argument", rule.InvalidCode);
        Assert.Equal(new DropMessage(6), JsonSerializer.Deserialize("""{"column": 6}""", rule.PayloadType, RoomJson.Options));
    }

    [Fact]
    public void Clock_RunsOutForThePlayerToMove_ThatPlayerLosesByTimeout()
    {
        var table = new Table().Join("ada", "bob");
        table.Play(3);

        table.Advance(Table.TurnTime - TimeSpan.FromMilliseconds(100));
        table.Tick();
        Assert.Equal(GamePhases.Playing, table.View.Phase);

        table.Advance(TimeSpan.FromMilliseconds(100));
        table.Tick();

        var view = table.View;
        Assert.Equal((GamePhases.Over, GameOutcomes.Timeout, "ada"), (view.Phase, view.Outcome, view.Winner));
        Assert.Equal([("ada", true), ("bob", false)], table.Room.Results.Select(static r => (r.PlayerId, r.Won)));
    }

    [Fact]
    public void Clock_EachMoveRestartsItForTheOtherPlayer()
    {
        var table = new Table().Join("ada", "bob");
        table.Advance(TimeSpan.FromSeconds(15));

        table.Play(3);
        table.Advance(TimeSpan.FromSeconds(15));
        table.Tick();

        Assert.Equal((GamePhases.Playing, "bob"), (table.View.Phase, table.View.Turn));
        Assert.Equal((table.Room.Now + TimeSpan.FromSeconds(5)).ToUnixTimeMilliseconds(), table.View.TurnEndsAt);
    }

    [Fact]
    public void Dropped_PlayerToMove_KeepsTheSeatAwayWhileTheClockRunsAndLosesWhenItRunsOut()
    {
        var table = new Table().Join("ada", "bob");

        table.Drop("ada");
        table.Advance(Table.TurnTime / 2);
        table.Tick();

        Assert.Equal((GamePhases.Playing, true), (table.View.Phase, table.View.Players[0].Away));

        table.Advance(Table.TurnTime / 2);
        table.Tick();

        Assert.Equal((GameOutcomes.Timeout, "bob"), (table.View.Outcome, table.View.Winner));
    }

    [Fact]
    public void Dropped_PlayerWhoReturns_IsNoLongerAwayAndMoves()
    {
        var table = new Table().Join("ada", "bob");
        table.Drop("ada");

        table.Mode.OnReturn(table.Game, table.Room, table.Room.SetAway("ada", away: false));
        table.Play(4);

        Assert.False(table.View.Players[0].Away);
        Assert.Equal(1, table.View.Moves);
    }

    [Fact]
    public void Leave_DuringAGame_ThePlayerForfeitsIt()
    {
        var table = new Table().Join("ada", "bob");
        table.Play(3, 4);

        table.Leave("ada");

        var view = table.View;
        Assert.Equal((GamePhases.Over, GameOutcomes.Forfeit, "bob"), (view.Phase, view.Outcome, view.Winner));
        Assert.Equal([("bob", 2, 1)], view.Players.Select(static p => (p.Id, p.Disc, p.Wins)));
        Assert.Equal([("ada", false), ("bob", true)], table.Room.Results.Select(static r => (r.PlayerId, r.Won)).OrderBy(static r => r.PlayerId));
    }

    [Fact]
    public void Leave_AfterTheGame_RecordsNothingMore()
    {
        var table = new Table().Join("ada", "bob");
        table.Play(0, 1, 0, 1, 0, 1, 0);

        table.Leave("bob");

        Assert.Equal(2, table.Room.Results.Count);
        Assert.Equal((GamePhases.Over, GameOutcomes.Win), (table.View.Phase, table.View.Outcome));
    }

    [Fact]
    public void Rematch_BothPlayersAsk_ANewGameStartsWithTheDiscsSwapped()
    {
        var table = new Table().Join("ada", "bob");
        table.Play(0, 1, 0, 1, 0, 1, 0);

        table.Tick(Table.Rematch("bob"));
        Assert.Equal(GamePhases.Over, table.View.Phase);
        Assert.Equal(["bob"], table.View.Rematch);

        table.Tick(Table.Rematch("bob"), Table.Rematch("ada"));

        var view = table.View;
        Assert.Equal(GamePhases.Playing, view.Phase);
        Assert.Equal([("bob", 1, 0), ("ada", 2, 1)], view.Players.Select(static p => (p.Id, p.Disc, p.Wins)));
        Assert.Equal("bob", view.Turn);
        Assert.Equal((0, (MoveView?)null, (string?)null, (string?)null), (view.Moves, view.LastMove, view.Winner, view.Outcome));
        Assert.Empty(view.Rematch);
        Assert.All(view.Board, static row => Assert.Equal(new int[7], row));
        Assert.Empty(table.Room.Rejections);
    }

    [Fact]
    public void Spectator_ThirdMember_WatchesAndCannotMoveNorAskForARematch()
    {
        var table = new Table().Join("ada", "bob", "cyd");
        Assert.Equal((2, 1), (table.View.Players.Count, table.View.Spectators));

        table.Tick(Table.Move("cyd", 3));
        AssertRefused(table, "cyd", FourInARowErrorCodes.NotPlaying);
        table.Play(0, 1, 0, 1, 0, 1, 0);
        table.Room.Rejections.Clear();
        table.Tick(Table.Rematch("cyd"));

        AssertRefused(table, "cyd", FourInARowErrorCodes.NotPlaying);
        Assert.Equal(7, table.View.Moves);
    }

    [Fact]
    public void Spectator_PlayerLeaves_TheLongestWaitingSpectatorTakesTheSeatAndANewGameStarts()
    {
        var table = new Table().Join("ada", "bob", "cyd", "dee");
        table.Play(0, 1, 0, 1, 0, 1, 0);

        table.Leave("ada");

        var view = table.View;
        Assert.Equal(GamePhases.Playing, view.Phase);
        Assert.Equal([("cyd", 1), ("bob", 2)], view.Players.Select(static p => (p.Id, p.Disc)));
        Assert.Equal(("cyd", 1), (view.Turn, view.Spectators));
    }

    [Fact]
    public void Checkpoint_JsonRoundTripMidGame_RestoresTheGameWhichPlaysOn()
    {
        var table = new Table().Join("ada", "bob", "cyd");
        table.Play(3, 3, 4);
        table.Drop("bob");
        var before = JsonSerializer.Serialize(table.View, RoomJson.Options);
        Assert.NotNull(table.Mode.GetState(table.Game, table.Room, null));

        table.Restore();

        Assert.Equal(before, JsonSerializer.Serialize(table.View, RoomJson.Options));

        // The restored room sends its state once more, then only on changes.
        Assert.NotNull(table.Mode.GetState(table.Game, table.Room, null));
        Assert.Null(table.Mode.GetState(table.Game, table.Room, null));
        table.Play(4, 5);
        Assert.Equal((5, "bob", new MoveView(5, 5, 1)), (table.View.Moves, table.View.Turn, table.View.LastMove));
    }

    [Fact]
    public void State_IsSentAfterATickThatChangedItOnly_AndTheJoinStateAlwaysHasIt()
    {
        var table = new Table().Join("ada", "bob");
        Assert.IsType<BoardState>(table.Mode.GetState(table.Game, table.Room, null));

        table.Tick();
        Assert.Null(table.Mode.GetState(table.Game, table.Room, null));
        Assert.IsType<JoinState>(table.Mode.GetJoinState(table.Game, table.Room, table.Room.Find("ada")!));

        table.Play(3);
        Assert.IsType<BoardState>(table.Mode.GetState(table.Game, table.Room, null));
    }

    [Fact]
    public void State_Json_HasEveryFieldOfTheContractWithNullsWritten()
    {
        var table = new Table().Join("ada", "bob");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(table.View, RoomJson.Options));

        Assert.Equal(
            ["board", "players", "spectators", "phase", "turn", "turnEndsAt", "moves", "lastMove", "winner", "outcome", "winLine", "rematch"],
            json.RootElement.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("winner").ValueKind);
        Assert.Equal(6, json.RootElement.GetProperty("board").GetArrayLength());
        Assert.Equal(
            ["id", "name", "disc", "away", "wins"],
            json.RootElement.GetProperty("players")[0].EnumerateObject().Select(static p => p.Name));
    }

    private static void AssertRefused(Table table, string playerId, string code)
    {
        var rejection = Assert.Single(table.Room.Rejections);
        Assert.Equal((playerId, code), (rejection.To, rejection.Code));
        table.Room.Rejections.Clear();
    }
}

using System.Text.Json;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Testing;

namespace GameName.Tests;

public sealed class GameNameModeTests
{
    [Fact]
    public void Settings_DeclareTheTapMessageWithItsLimits()
    {
        var mode = new GameNameMode();

        var rule = Assert.Single(mode.Settings.Messages);
        Assert.Equal(Tap.Type, rule.Type);
        Assert.Equal(typeof(Tap), rule.PayloadType);
        Assert.True(ModeNames.IsValid(GameNameMode.Name));
    }

    [Fact]
    public void Room_TapsToTheTarget_WinsTheRoundForEveryoneToSeeAndRecordsResults()
    {
        // RoomHarness runs the mode's hooks as the host does (join, tick with the batch, leave), without Orleans.
        var room = new RoomHarness<GameNameState>(new GameNameMode(new GameNameRules(target: 3))).Seat("alice", "bob");

        room.Tick(new RoomMessage("alice", Tap.Type, new Tap(2)), new RoomMessage("bob", Tap.Type, new Tap(9)));
        room.Tick(new RoomMessage("alice", Tap.Type, new Tap(1)));

        Assert.Equal(["alice", "bob"], room.Room.Sent.Where(s => s.Type == RoundWon.Type).Select(s => s.To));
        Assert.Equal(GameNameMode.InvalidTapCode, Assert.Single(room.Room.Rejections).Code);
        Assert.Equal([("alice", true), ("bob", false)], room.Room.Results.Select(r => (r.PlayerId, r.Won)).OrderBy(r => r.PlayerId));
    }

    [Fact]
    public void Room_HandedOverMidRound_KeepsEveryTap()
    {
        var room = new RoomHarness<GameNameState>(new GameNameMode()).Seat("alice");
        room.Tick(new RoomMessage("alice", Tap.Type, new Tap(3)));

        // As on the silo a room moves to: the state is what the checkpoint restores.
        room.Restore();
        room.Tick(new RoomMessage("alice", Tap.Type, new Tap(2)));

        Assert.Equal(5, room.State.Taps["alice"]);
    }

    [Fact]
    public void State_AsTheHostCheckpointsIt_RestoresExactly()
    {
        var rules = new GameNameRules(target: 2);
        var state = rules.NewGame();
        rules.Join(state, "alice");
        rules.Join(state, "bob");
        rules.Tap(state, "alice", new Tap(2));
        rules.Tap(state, "bob", new Tap(1));

        var json = JsonSerializer.Serialize(state, RoomJson.Options);
        var restored = JsonSerializer.Deserialize<GameNameState>(json, RoomJson.Options);

        Assert.NotNull(restored);
        Assert.Equal(json, JsonSerializer.Serialize(restored, RoomJson.Options));
        Assert.Equal(1, restored.Taps["bob"]);
        Assert.Equal("alice", restored.LastWinner);
    }

    [Fact]
    public void Tap_PayloadAsClientsSendIt_ReadsIntoTheMessage()
    {
        Assert.Equal(new Tap(2), JsonSerializer.Deserialize<Tap>("""{"count": 2}""", RoomJson.Options));
        Assert.Equal(new Tap(1), JsonSerializer.Deserialize<Tap>("{}", RoomJson.Options));
    }
}

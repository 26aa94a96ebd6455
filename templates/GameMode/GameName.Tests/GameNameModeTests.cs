using System.Text.Json;
using OrleansGame.Rooms;

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

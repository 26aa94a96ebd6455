using System.Text.Json;
using OrleansGame.Arena.Simulation;
using OrleansGame.Arena.Tests.Infrastructure;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena.Tests;

/// <summary>The arena's state is its checkpoint: written and read with the room API's JSON options, it resumes exactly.</summary>
public sealed class ArenaCheckpointTests
{
    private static readonly ArenaOptions SmallWorld = new()
    {
        WorldWidth = 200,
        WorldHeight = 200,
        OrbCount = 24,
        RoundDuration = TimeSpan.FromSeconds(2),
        ResultsDuration = TimeSpan.FromSeconds(0.5),
    };

    [Fact]
    public void Checkpoint_MidGame_RestoresARoomThatStepsIdentically()
    {
        var original = new ArenaRoom(SmallWorld, seed: 9);
        original.Join("a", "Alice");
        original.Join("b", "Bob");
        original.Join("c", "Carol");
        for (var tick = 0; tick < 30; tick++)
        {
            original.Tick(Steer(tick));
        }

        original.Drop("c");
        original.Tick(Steer(30));

        var copy = original.Restored(SmallWorld);
        var (sentBefore, resultsBefore) = (original.Room.Sent.Count, original.Room.Results.Count);

        Assert.Equal(original.CheckpointJson(), copy.CheckpointJson());
        for (var tick = 31; tick < 150; tick++)
        {
            if (tick == 60)
            {
                original.Return("c");
                copy.Return("c");
            }

            original.Tick(Steer(tick));
            copy.Tick(Steer(tick));
            Assert.Equal(original.StateJson(), copy.StateJson());
        }

        Assert.Equal(original.CheckpointJson(), copy.CheckpointJson());
        Assert.Equal(Sends(original).Skip(sentBefore), Sends(copy));
        Assert.Equal(original.Room.Results.Skip(resultsBefore), copy.Room.Results);
        Assert.Contains(copy.Room.Results, r => r.Score > 0);
    }

    [Fact]
    public void Checkpoint_RestoredUnderOtherOptions_KeepsTheRulesTheRoomWasCreatedWith()
    {
        var original = new ArenaRoom(SmallWorld, seed: 3);
        original.Join("a", "Alice");
        original.Ticks(5);

        var copy = original.Restored(new ArenaOptions());

        var geometry = JsonSerializer.Deserialize<ArenaJoinState>(copy.JoinStateJson("a"), RoomJson.Options)!.Arena;
        Assert.Equal((200.0, 200.0, 24), (geometry.WorldWidth, geometry.WorldHeight, geometry.OrbCount));
        Assert.Equal(original.CheckpointJson(), copy.CheckpointJson());
    }

    [Fact]
    public void Checkpoint_Json_HoldsRulesClockGeneratorPlayersAndOrbs()
    {
        var arena = new ArenaRoom(new ArenaOptions { OrbCount = 1 }, seed: 5);
        arena.Join("a", "Alice");
        arena.State.RestorePlayer("a", 500, 250.5, 0.6, -0.8, 3, away: false, lastSeq: 17);
        arena.State.RestoreOrb(0, 10, 20);
        arena.State.RestoreClock(42, ArenaPhase.Results, 1.5, 12_345_678_901_234_567_890);

        Assert.Equal(
            """{"rules":{"worldWidth":1000,"worldHeight":1000,"playerRadius":20,"orbRadius":8,"playerSpeed":200,"orbValue":1,"roundSeconds":60,"resultsSeconds":5},"tick":42,"phase":1,"phaseRemainingSeconds":1.5,"randomState":12345678901234567890,"players":[{"id":"a","x":500,"y":250.5,"dx":0.6,"dy":-0.8,"score":3,"away":false,"lastSeq":17}],"orbs":[{"x":10,"y":20}]}""",
            arena.CheckpointJson());
    }

    [Fact]
    public void Checkpoint_WithoutRules_IsRefusedAsInvalidJson()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ArenaSimulation>("""{"tick":1,"players":[],"orbs":[]}""", RoomJson.Options));
    }

    private static (string From, string Type, object Payload)[] Steer(int tick) =>
    [
        ("a", "Input", new InputMessage(tick + 1, Math.Cos(tick * 0.3), Math.Sin(tick * 0.3))),
        ("b", "Input", new InputMessage(tick + 1, -Math.Sin(tick * 0.2), Math.Cos(tick * 0.7))),
        ("c", "Input", new InputMessage(tick + 1, 0.5, -0.5)),
        ("b", "Chat", new ChatRequest(tick % 40 == 0 ? "gg" : "")),
    ];

    private static string[] Sends(ArenaRoom arena) =>
        [.. arena.Room.Sent.Select(d => $"{d.To} {d.Type} {ArenaRoom.Serialize(d.Payload)}")];
}

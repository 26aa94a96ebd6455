using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrleansGame.Grains.Rooms;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Testing;

namespace OrleansGame.Grains.Tests.Rooms;

/// <summary>
/// The <c>JoinResult</c> a room writes: the host's fields, then the mode's join state's fields as the serializer wrote
/// them (those named like the host's left out), then the mode's name.
/// </summary>
public sealed class JoinResultJsonTests
{
    private static readonly TestRoom Room = Seated(
        new TestRoom("probe", TimeSpan.FromMilliseconds(50)) { Id = "k3x9qa" }, ("p1", "Zoë"), ("p2", "Bob \"the\" <b>"));

    [Fact]
    public void Write_ModeFieldsNamedLikeTheHosts_AreLeftOutAndTheRestFollowInOrder()
    {
        var state = new JsonObject
        {
            ["board"] = new JsonArray(1, 2, new JsonObject { ["roomId"] = "inner, kept" }),
            ["roomId"] = "not the room",
            ["roster"] = new JsonArray(new JsonObject { ["name"] = "impostor" }),
            ["turn"] = "p2",
            ["mode"] = new JsonObject { ["deep"] = new JsonArray(new JsonArray()) },
            ["capacity"] = 99,
            ["scores"] = new JsonObject { ["p1"] = 3.5, ["p2"] = -1e-7 },
            ["a \"quoted\" ë"] = true,
        };

        var result = Parse(JoinResultJson.Write(Room, "p2", 4, state).Utf8);

        Assert.Equal(
            ["roomId", "playerId", "capacity", "isPrivate", "roster", "board", "turn", "scores", "a \"quoted\" ë", "mode"],
            result.Select(static p => p.Key));
        Assert.Equal("k3x9qa", (string?)result["roomId"]);
        Assert.Equal("p2", (string?)result["playerId"]);
        Assert.Equal(4, (int?)result["capacity"]);
        Assert.Equal("probe", (string?)result["mode"]);
        Assert.Equal(
            """[{"playerId":"p1","name":"Zoë"},{"playerId":"p2","name":"Bob \"the\" <b>"}]""",
            result["roster"]!.ToJsonString(RoomJson.Options));
        Assert.True(JsonNode.DeepEquals(state["board"], result["board"]));
        Assert.True(JsonNode.DeepEquals(state["scores"], result["scores"]));
    }

    [Fact]
    public void Write_ModeValues_AreTheSerializersBytesUnchanged()
    {
        var state = new ProbeJoinState(
            "Zoë says \"hi\"\n\t<b>&</b> \u2028 😀", [0.1, 1e21, -0.0, 123456.789], new() { ["ë\"key"] = 1, ["plain"] = 2 });

        var text = Encoding.UTF8.GetString(JoinResultJson.Write(Room, "p1", 4, state).Utf8);

        var modeJson = JsonSerializer.Serialize(state, RoomJson.Options);
        var fields = modeJson[1..^1];
        Assert.Contains("," + fields + ",\"mode\":\"probe\"}", text, StringComparison.Ordinal);
        Assert.Equal(state.Greeting, (string?)Parse(Encoding.UTF8.GetBytes(text))["greeting"]);
    }

    [Theory]
    [InlineData("\"just text\"")]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("{}")]
    public void Write_JoinStateNotAnObjectOrEmpty_WritesTheHostsFieldsOnly(string joinState)
    {
        var result = Parse(JoinResultJson.Write(Room, "p1", 4, JsonNode.Parse(joinState)!).Utf8);

        Assert.Equal(["roomId", "playerId", "capacity", "isPrivate", "roster", "mode"], result.Select(static p => p.Key));
    }

    [Fact]
    public void Write_SeveralOnOneThread_EachResultKeepsItsOwnBytes()
    {
        // Larger than a thread keeps its buffers at: the next result on the thread starts on new ones.
        var big = new JsonObject { ["text"] = new string('x', 100_000) };
        var small = new JsonObject { ["text"] = "short" };

        var first = JoinResultJson.Write(Room, "p1", 4, big).Utf8;
        var copy = first.ToArray();
        var second = JoinResultJson.Write(Room, "p2", 4, small).Utf8;
        var third = JoinResultJson.Write(Room, "p1", 4, big).Utf8;

        Assert.Equal(copy, first);
        Assert.Equal(copy, third);
        Assert.Equal("short", (string?)Parse(second)["text"]);
        Assert.Equal("p2", (string?)Parse(second)["playerId"]);
    }

    private static JsonObject Parse(byte[] utf8) => JsonNode.Parse(utf8)!.AsObject();

    private static TestRoom Seated(TestRoom room, params (string Id, string Name)[] players)
    {
        foreach (var (id, name) in players)
        {
            room.Seat(id, name);
        }

        return room;
    }

    private sealed record ProbeJoinState(
        string Greeting,
        double[] Numbers,
        [property: JsonPropertyName("by key")] Dictionary<string, int> ByKey);
}

using System.Text.Json;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena.Tests.Wire;

/// <summary>
/// Pins the field names of the arena's wire records to PROTOCOL.md, in JSON (as the room host writes them, with the
/// room API's options) and in MessagePack (SignalR's default resolver, as .NET clients read them), so that a client
/// can switch protocol without renaming a field.
/// </summary>
public sealed class ArenaWireFormatTests
{
    private static readonly MessagePackSerializerOptions MessagePack = new MessagePackHubProtocolOptions().SerializerOptions;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Snapshot SampleSnapshot = new(
        "k3x9qa", 42, 1_700_000_000_000, RoomPhases.Playing, 59_950,
        [new PlayerState("p1", 12.3, 45.6, 3, 17, 24, false)],
        [new OrbState(5, 100.5, 200.5)]);

    private static readonly ArenaGeometry SampleGeometry = new(1000, 1000, 20, 8, 200, 50, 24);

    public static TheoryData<object, string[]> Records => new()
    {
        { SampleSnapshot, ["roomId", "tick", "serverTime", "phase", "remainingMs", "players", "orbs"] },
        { SampleSnapshot.Players[0], ["playerId", "x", "y", "score", "ackSeq", "rttMs", "away"] },
        { SampleSnapshot.Orbs[0], ["id", "x", "y"] },
        { new ArenaJoinState([], SampleSnapshot, SampleGeometry), ["orbs", "snapshot", "arena"] },
        { SampleGeometry, ["worldWidth", "worldHeight", "playerRadius", "orbRadius", "playerSpeed", "tickMs", "orbCount"] },
        { new ChatMessage("p1", "Alice", "gg", 1_700_000_000_000), ["playerId", "name", "text", "serverTime"] },
        { new ArenaRoomEvent(ArenaEventTypes.RoundEnded, "p1", "Alice", [new RoundResult("p1", "Alice", 7)]),
            ["type", "playerId", "name", "results"] },
        { new RoundResult("p1", "Alice", 7), ["playerId", "name", "score"] },
        { new InputMessage(17, 0.6, -0.8), ["seq", "dx", "dy"] },
        { new ChatRequest("gg"), ["text"] },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Json_Record_HasProtocolFieldNames(object record, string[] fields)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(record, record.GetType(), RoomJson.Options));

        Assert.Equal(fields, document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void MessagePack_Record_HasTheSameFieldNamesAsJson(object record, string[] fields)
    {
        var bytes = MessagePackSerializer.Serialize(record.GetType(), record, MessagePack, Cancel);
        using var document = JsonDocument.Parse(MessagePackSerializer.ConvertToJson(bytes, MessagePack, Cancel));

        Assert.Equal(fields.Order(StringComparer.Ordinal), document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Json_RoundStarted_LeavesTheMissingFieldsOut()
    {
        Assert.Equal("""{"type":"round_started"}""", JsonSerializer.Serialize(new ArenaRoomEvent(ArenaEventTypes.RoundStarted), RoomJson.Options));
    }

    [Fact]
    public void MessagePack_InputWithCamelCaseKeys_DeserialisesEveryField()
    {
        // What a JavaScript client sends: a map with camelCase keys.
        var bytes = MessagePackSerializer.ConvertFromJson("""{"seq":17,"dx":0.6,"dy":-0.8}""", MessagePack, Cancel);

        var input = MessagePackSerializer.Deserialize<InputMessage>(bytes, MessagePack, Cancel);

        Assert.Equal(new InputMessage(17, 0.6, -0.8), input);
    }

    [Fact]
    public void MessagePack_SnapshotRoundTrip_KeepsEveryValue()
    {
        var copy = MessagePackSerializer.Deserialize<Snapshot>(MessagePackSerializer.Serialize(SampleSnapshot, MessagePack, Cancel), MessagePack, Cancel);

        Assert.Equal(SampleSnapshot with { Players = [], Orbs = [] }, copy with { Players = [], Orbs = [] });
        Assert.Equal(SampleSnapshot.Players, copy.Players);
        Assert.Equal(SampleSnapshot.Orbs, copy.Orbs);
    }

    [Fact]
    public void Json_InputWithMissingField_DeserialisesItAsNull()
    {
        var input = JsonSerializer.Deserialize<InputMessage>("""{"seq":3,"dx":0.5}""", RoomJson.Options);

        Assert.Equal(new InputMessage(3, 0.5, null), input);
    }
}

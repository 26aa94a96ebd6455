using System.Text.Json;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions.Tests;

/// <summary>
/// Pins the field names of every wire record to PROTOCOL.md, in JSON (SignalR's camelCase default) and in
/// MessagePack (SignalR's default resolver), so that a client can switch protocol without renaming a field.
/// </summary>
public sealed class WireFormatTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly MessagePackSerializerOptions MessagePack = new MessagePackHubProtocolOptions().SerializerOptions;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Snapshot SampleSnapshot = new(
        "k3x9qa", 42, 1_700_000_000_000, RoomPhases.Playing, 59_950,
        [new PlayerState("p1", 12.3, 45.6, 3, 17, 24, false)],
        [new OrbState(5, 100.5, 200.5)]);

    public static TheoryData<object, string[]> Records => new()
    {
        { SampleSnapshot, ["roomId", "tick", "serverTime", "phase", "remainingMs", "players", "orbs"] },
        { SampleSnapshot.Players[0], ["playerId", "x", "y", "score", "ackSeq", "rttMs", "away"] },
        { SampleSnapshot.Orbs[0], ["id", "x", "y"] },
        { new JoinResult("k3x9qa", "p1", 8, false, [new RosterEntry("p1", "Alice")], [], SampleSnapshot),
            ["roomId", "playerId", "capacity", "isPrivate", "roster", "orbs", "snapshot"] },
        { new RosterEntry("p1", "Alice"), ["playerId", "name"] },
        { new Ping(4, 1_700_000_000_000), ["seq", "serverTime"] },
        { new ChatMessage("p1", "Alice", "gg", 1_700_000_000_000), ["playerId", "name", "text", "serverTime"] },
        { new RoomEvent(RoomEventTypes.RoundEnded, "p1", "Alice", [new RoundResult("p1", "Alice", 7)]),
            ["type", "playerId", "name", "results"] },
        { new RoundResult("p1", "Alice", 7), ["playerId", "name", "score"] },
        { new ErrorMessage(ErrorCodes.RoomFull, "room k3x9qa is full"), ["code", "message"] },
        { new Closing(ClosingReasons.Flood, "too many messages"), ["reason", "message"] },
        { new JoinRoomRequest("k3x9qa"), ["roomId"] },
        { new CreateRoomRequest(true), ["isPrivate"] },
        { new InputMessage(17, 0.6, -0.8), ["seq", "dx", "dy"] },
        { new ChatRequest("gg"), ["text"] },
        { new PongMessage(4), ["seq"] },
        { new RoomInfo("k3x9qa", 3, 8, RoomPhases.Playing, false), ["roomId", "players", "capacity", "phase", "isPrivate"] },
        { new LeaderboardEntry("p1", "Alice", 12, 3, 9), ["playerId", "name", "bestScore", "wins", "gamesPlayed"] },
        { new PlayerProfile("p1", "Alice", 9, 3, 12, 40, DateTimeOffset.UnixEpoch),
            ["playerId", "name", "gamesPlayed", "wins", "bestScore", "totalOrbs", "createdAt"] },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Json_Record_HasProtocolFieldNames(object record, string[] fields)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(record, record.GetType(), Json));

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
        var input = JsonSerializer.Deserialize<InputMessage>("""{"seq":3,"dx":0.5}""", Json);

        Assert.Equal(new InputMessage(3, 0.5, null), input);
    }
}

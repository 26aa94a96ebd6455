using System.Text.Json;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions.Tests;

/// <summary>
/// Pins the field names of the core's wire records to PROTOCOL.md, in JSON (SignalR's camelCase default) and in
/// MessagePack (SignalR's default resolver), so that a client can switch protocol without renaming a field.
/// The arena's records are pinned in the arena's tests.
/// </summary>
public sealed class WireFormatTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly MessagePackSerializerOptions MessagePack = new MessagePackHubProtocolOptions().SerializerOptions;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<object, string[]> Records => new()
    {
        { new RosterEntry("p1", "Alice"), ["playerId", "name"] },
        { new Ping(4, 1_700_000_000_000), ["seq", "serverTime"] },
        { new RoomEvent(RoomEventTypes.PlayerJoined, "p1", "Alice"), ["type", "playerId", "name"] },
        { new ErrorMessage(ErrorCodes.RoomFull, "room k3x9qa is full"), ["code", "message"] },
        { new Closing(ClosingReasons.Flood, "too many messages"), ["reason", "message"] },
        { new JoinRoomRequest("k3x9qa", "arena", new Dictionary<string, string> { ["map"] = "small" }), ["roomId", "mode", "properties"] },
        { new CreateRoomRequest(true, "arena", new Dictionary<string, string> { ["map"] = "small" }), ["isPrivate", "mode", "properties"] },
        { new PongMessage(4), ["seq"] },
        { new RoomInfo("k3x9qa", 3, 8, "playing", false, "arena", true), ["roomId", "players", "capacity", "phase", "isPrivate", "mode", "joinable"] },
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
}

using System.Text.Json;
using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>Two registered players with test connections, seated in one room and steering slowly.</summary>
public sealed record SeatedRoom(IRoomGrain Room, string RoomId, SeatedPlayer First, SeatedPlayer Second)
{
    /// <summary>Both players.</summary>
    public IReadOnlyList<SeatedPlayer> Players => [First, Second];

    /// <summary>Registers two players, attaches their connections, quick-joins both into one room and steers them.</summary>
    public static async Task<SeatedRoom> CreateAsync(IClusterClient client)
    {
        var first = await SeatedPlayer.RegisterAsync(client, "Ada");
        var second = await SeatedPlayer.RegisterAsync(client, "Bob");
        var noProperties = new Dictionary<string, string>();
        var joined = await first.Grain.CreateRoomAsync(new RoomRequest(null, null, true, noProperties));
        var roomId = joined.Result?.RoomId ?? throw new InvalidOperationException($"create failed: {joined.Error}");
        var secondJoin = await second.Grain.JoinRoomAsync(new RoomRequest(roomId, null, false, noProperties));
        Assert.Null(secondJoin.Error);
        var room = client.GetGrain<IRoomGrain>(roomId);

        // Slow, different headings: positions change every tick and stay far from the walls for the test's length.
        // Delivered as a gateway batches them; the room applies them at its next tick.
        await room.DeliverAsync([Input(first.Id, new InputMessage(1, 0.1, 0.05)), Input(second.Id, new InputMessage(1, -0.05, -0.1))]);
        foreach (var player in new[] { first, second })
        {
            await player.Connection.WaitForAsync(
                s => s.Count > 0 && s[^1].Snapshot.Players.Count == 2 && s[^1].Snapshot.Players.All(p => p.AckSeq == 1),
                "both players steering in the room", TimeSpan.FromSeconds(10));
        }

        return new SeatedRoom(room, roomId, first, second);
    }

    private static InboundMessage Input(string playerId, InputMessage input) =>
        new(playerId, ArenaMessageTypes.Input, new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(input, RoomJson.Options)));
}

using System.Text.Json;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Reads and writes the arena's JSON as the room host does: with the room API's options.</summary>
public static class ArenaWire
{
    /// <summary>Reads <paramref name="payload"/> into <typeparamref name="T"/>.</summary>
    public static T Read<T>(JsonPayload payload) =>
        JsonSerializer.Deserialize<T>(payload.Utf8, RoomJson.Options) ?? throw new InvalidOperationException($"the payload is not a {typeof(T).Name}");

    /// <summary>Writes <paramref name="value"/> as a payload.</summary>
    public static JsonPayload Write<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, RoomJson.Options));

    /// <summary>The arena's join result the client of <paramref name="joined"/> receives.</summary>
    public static ArenaJoinResult ToArena(this JoinedRoom joined) => Read<ArenaJoinResult>(joined.Result);
}

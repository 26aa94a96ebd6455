using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>The joins and creates the tests make, all in the default mode (the arena) without properties.</summary>
public static class RoomRequests
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    /// <summary>Joins the room <paramref name="roomId"/> by its code.</summary>
    public static RoomRequest ByCode(string roomId) => new(roomId, null, false, NoProperties);

    /// <summary>Creates a room, private or public.</summary>
    public static RoomRequest Create(bool isPrivate) => new(null, null, isPrivate, NoProperties);
}

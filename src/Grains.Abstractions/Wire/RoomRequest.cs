namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A join or create as the gateway hands it to the player's grain, already checked for shape.</summary>
/// <param name="RoomId">A room code to join; null for quick join (and always for create).</param>
/// <param name="Mode">The mode; null for the cluster's default mode.</param>
/// <param name="IsPrivate">For create: whether the room is joined by code only.</param>
/// <param name="Properties">The properties quick join matches on and a created room carries.</param>
[GenerateSerializer, Immutable, Alias("game.RoomRequest")]
public sealed record RoomRequest(
    [property: Id(0)] string? RoomId,
    [property: Id(1)] string? Mode,
    [property: Id(2)] bool IsPrivate,
    [property: Id(3)] IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>Quick join in the default mode.</summary>
    public static RoomRequest QuickJoin { get; } = new(null, null, false, new Dictionary<string, string>());
}

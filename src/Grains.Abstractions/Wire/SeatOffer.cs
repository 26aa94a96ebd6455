namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// A matchmaker partition's answer to a quick join or a create: the room to ask for a seat, and for a room that does
/// not exist yet the spec to open it with (the first join opens it). The room decides; the offer only chooses.
/// </summary>
/// <param name="RoomId">The room's code.</param>
/// <param name="Open">The spec of a new room, or null for a room that is already open.</param>
[GenerateSerializer, Immutable, Alias("game.SeatOffer")]
public sealed record SeatOffer(
    [property: Id(0)] string RoomId,
    [property: Id(1)] RoomSpec? Open);

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// A seat taken or resumed: the join result the client receives (the host's fields and the mode's, as JSON) and
/// what the gateway needs to forward the player's messages to the room.
/// </summary>
/// <param name="RoomId">The room's code.</param>
/// <param name="Mode">The room's mode.</param>
/// <param name="Result">The <c>JoinResult</c> JSON: <c>roomId</c>, <c>playerId</c>, <c>capacity</c>, <c>isPrivate</c>, <c>roster</c>, the mode's fields, <c>mode</c>.</param>
/// <param name="Limits">The message types the mode accepts and their limits.</param>
[GenerateSerializer, Immutable, Alias("game.JoinedRoom")]
public sealed record JoinedRoom(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string Mode,
    [property: Id(2)] JsonPayload Result,
    [property: Id(3)] IReadOnlyList<MessageLimit> Limits);

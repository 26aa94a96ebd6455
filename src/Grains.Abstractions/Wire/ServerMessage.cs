namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// A message of a room's mode for clients: sent as the hub method <see cref="Method"/> with the arguments
/// (<see cref="Type"/>, <see cref="Payload"/>) for a generic <c>Message</c>, or with <see cref="Payload"/> alone when
/// <see cref="Type"/> is null (<c>State</c>, and the message types a mode sends as methods of their own).
/// </summary>
/// <param name="Method">The hub method clients receive it as.</param>
/// <param name="Payload">The payload's JSON.</param>
/// <param name="Type">The message type for <c>Message</c>; null when the method alone names it.</param>
[GenerateSerializer, Immutable, Alias("game.ServerMessage")]
public sealed record ServerMessage(
    [property: Id(0)] string Method,
    [property: Id(1)] JsonPayload Payload,
    [property: Id(2)] string? Type = null);

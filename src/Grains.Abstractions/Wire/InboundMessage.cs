namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A message a member sent to its room, as the gateway forwards it (batched per room).</summary>
/// <param name="PlayerId">The sender, vouched for by the gateway; the room checks the seat.</param>
/// <param name="Type">The message type.</param>
/// <param name="Payload">The payload's JSON, within the type's size limit.</param>
[GenerateSerializer, Immutable, Alias("game.InboundMessage")]
public sealed record InboundMessage(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string Type,
    [property: Id(2)] JsonPayload Payload);

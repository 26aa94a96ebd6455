namespace OrleansGame.Rooms;

/// <summary>A message a member sent to the room, delivered in the next tick's batch.</summary>
/// <param name="From">The sender's player id.</param>
/// <param name="Type">The message type, as declared by a <see cref="MessageRule"/>.</param>
/// <param name="Payload">The payload, read into the rule's <see cref="MessageRule.PayloadType"/>.</param>
public sealed record RoomMessage(string From, string Type, object Payload);

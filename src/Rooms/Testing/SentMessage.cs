namespace OrleansGame.Rooms.Testing;

/// <summary>A message a mode sent, as one member receives it.</summary>
/// <param name="To">The member it reached.</param>
/// <param name="Type">The message type.</param>
/// <param name="Payload">The payload, as the mode passed it.</param>
public sealed record SentMessage(string To, string Type, object Payload);

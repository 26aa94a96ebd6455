using System.Text.Json;

namespace OrleansGame.Client;

/// <summary>One message from the hub: <see cref="Type"/> for a generic <c>Message(type, payload)</c>, else null; the payload as JSON.</summary>
internal readonly record struct HubEvent(string? Type, JsonElement Payload);

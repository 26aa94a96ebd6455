using System.Text;
using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Sends a member's arena messages to its room as a gateway forwards them: JSON payloads in a delivered batch.</summary>
public static class RoomMessages
{
    /// <summary>Delivers one input of <paramref name="playerId"/>; it is applied at the room's next tick.</summary>
    public static Task SendInputAsync(this IRoomGrain room, string playerId, InputMessage input) =>
        room.DeliverAsync([new InboundMessage(playerId, ArenaMessageTypes.Input, ArenaWire.Write(input))]);

    /// <summary>Delivers one chat line of <paramref name="playerId"/>; it is relayed at the room's next tick.</summary>
    public static Task SendChatAsync(this IRoomGrain room, string playerId, string text) =>
        room.DeliverAsync([new InboundMessage(playerId, ArenaMessageTypes.Chat, ArenaWire.Write(new ChatRequest(text)))]);

    /// <summary>Delivers an input whose payload is the JSON text <paramref name="json"/>, as a client may send it.</summary>
    public static Task SendRawInputAsync(this IRoomGrain room, string playerId, string json) =>
        room.DeliverAsync([new InboundMessage(playerId, ArenaMessageTypes.Input, new JsonPayload(Encoding.UTF8.GetBytes(json)))]);
}

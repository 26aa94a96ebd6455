using System.Text.Json;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>Members' messages: read into the types their rules declare as they arrive, handed to the mode at the next tick.</summary>
internal sealed partial class RoomGrain
{
    /// <summary>Messages a tick may hold per seat; the gateway's limits keep honest clients far below it.</summary>
    private const int InboxPerSeat = 64;

    private List<RoomMessage> inbox = [];
    private List<RoomMessage> spare = [];

    /// <inheritdoc />
    public Task DeliverAsync(InboundMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        metrics.InboundBatch(messages.Length);
        if (room is null)
        {
            return Task.CompletedTask;
        }

        foreach (var message in messages)
        {
            Accept(message);
        }

        return Task.CompletedTask;
    }

    private void Accept(InboundMessage message)
    {
        if (!seats.TryGetValue(message.PlayerId, out var seat))
        {
            LogMessageFromNonMember(RoomId, message.PlayerId, message.Type);
            return;
        }

        if (seat.AwaySince is not null)
        {
            return;
        }

        if (!rules.TryGetValue(message.Type, out var rule))
        {
            PushError(seat, ErrorCodes.UnknownMessage, $"the room's mode '{room!.Mode}' takes no '{message.Type}' messages");
            return;
        }

        if (message.Payload.Utf8.Length > rule.MaxBytes)
        {
            PushError(seat, ErrorCodes.MessageTooLarge, $"a '{rule.Type}' message may have at most {rule.MaxBytes} bytes");
            return;
        }

        if (inbox.Count >= InboxPerSeat * Math.Max(1, seats.Count))
        {
            metrics.MessageDropped(room!.Mode);
            return;
        }

        object? payload;
        try
        {
            payload = JsonSerializer.Deserialize(message.Payload.Utf8, rule.PayloadType, RoomJson.Options);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            payload = null;
        }

        if (payload is null)
        {
            PushError(seat, rule.InvalidCode, $"the '{rule.Type}' message could not be read");
            return;
        }

        inbox.Add(new RoomMessage(message.PlayerId, message.Type, payload));
    }

    /// <summary>The messages gathered since the last tick, leaving an empty list for the next.</summary>
    private List<RoomMessage> TakeInbox()
    {
        (inbox, spare) = (spare, inbox);
        inbox.Clear();
        return spare;
    }

    private void PushError(Seat seat, string code, string message)
    {
        if (seat.Observer is { } observer)
        {
            Push(observer, new ErrorMessage(code, message), static (o, e) => o.OnErrorAsync(e));
        }
    }
}

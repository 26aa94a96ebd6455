using System.Threading.Channels;
using OrleansGame.Cancellable;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Observability;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// A connection's inbound service. Its handle is the bounded writer the hub writes <see cref="ClientMessage"/>s into;
/// each unit of work reads one message, rate-limits it and checks its shape and, for a message of a mode, that the
/// player sits in a room whose mode declares its type and that it is within the type's size; it yields what may go to
/// the grains (a mode's message as <see cref="ClientMessage.ToRoom"/>). Errors go back to the client from here; the
/// callback only forwards what passed. What a payload means is the room's to check. Pongs do not queue: the hub hands
/// them to <see cref="CheckPongAsync"/> as they arrive.
/// </summary>
internal sealed partial class InboundService(
    string playerId, int capacity, MessageGate gate, IConnectionOutput output, ILogger logger, GatewayMetrics metrics) : ICancellable<ClientMessage, ChannelWriter<ClientMessage>>
{
    private readonly Channel<ClientMessage> _queue = Channel.CreateBounded<ClientMessage>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = false,
    });

    private int _overflowed;
    private bool _malformedLogged;

    /// <inheritdoc/>
    public ChannelWriter<ClientMessage> CreateHandle() => _queue.Writer;

    /// <summary>Notes a message the hub could not queue because the queue was full; it counts as abuse.</summary>
    public void NoteOverflow() => Interlocked.Increment(ref _overflowed);

    /// <summary>Fails every invocation still queued (the connection is going away).</summary>
    public void FailQueued(string code, string message)
    {
        while (_queue.Reader.TryRead(out var left))
        {
            (left as ClientMessage.Invocation)?.Fail(code, message);
        }
    }

    /// <summary>
    /// Checks a pong at once, out of the queue's order: a pong must not wait behind a join the grains are still
    /// answering, or a slow join would cost the player the connection. Limits apply as to any message; returns the
    /// ping's sequence when the pong may go to the player grain.
    /// </summary>
    public async ValueTask<long?> CheckPongAsync(ClientMessage.Pong pong, CancellationToken cancellationToken)
    {
        switch (gate.Admit(MessageCategory.Pong))
        {
            case GateVerdict.Flood:
                await FloodAsync(pong);
                return null;
            case GateVerdict.Drop:
                await DropAsync(pong, cancellationToken);
                return null;
        }

        if (pong.Message?.Seq is { } seq)
        {
            return seq;
        }

        await output.SendErrorAsync(new ErrorMessage(ErrorCodes.InvalidArgument, "a pong needs the ping's seq"), cancellationToken);
        return null;
    }

    /// <inheritdoc/>
    public async ValueTask<CancellationResult<ClientMessage>> RunAsync(CancellationToken cancellationToken)
    {
        if (!_queue.Reader.TryRead(out var message))
        {
            return await _queue.Reader.WaitToReadAsync(cancellationToken)
                ? CancellationResult<ClientMessage>.Continue
                : CancellationResult<ClientMessage>.Break;
        }

        for (var overflowed = Interlocked.Exchange(ref _overflowed, 0); overflowed > 0; overflowed--)
        {
            if (gate.Admit(MessageCategory.Malformed) == GateVerdict.Flood)
            {
                return await FloodAsync(message);
            }
        }

        var room = output.Room;
        if (ShapeError(message) is { } malformed)
        {
            // Unbindable and misshapen calls have no bucket: each one counts as over the limit, and each gets its own error.
            if (message is ClientMessage.Malformed)
            {
                metrics.MalformedReceived();
            }

            // A client built wrong sends them all the time, on every connection: a warning for the first of each, so
            // that the log shows them without being flooded by them.
            if (_malformedLogged)
            {
                LogMalformedAgain(logger, Clip(malformed.Target), malformed.Reason);
            }
            else
            {
                _malformedLogged = true;
                LogMalformed(logger, Clip(malformed.Target), malformed.Reason);
            }

            if (gate.Admit(MessageCategory.Malformed) == GateVerdict.Flood)
            {
                return await FloodAsync(message);
            }

            await output.SendErrorAsync(new ErrorMessage(ErrorCodes.InvalidArgument, malformed.Error), cancellationToken);
            return CancellationResult<ClientMessage>.Continue;
        }

        switch (Admit(message, room))
        {
            case GateVerdict.Flood:
                return await FloodAsync(message);
            case GateVerdict.Drop:
                await DropAsync(message, cancellationToken);
                return CancellationResult<ClientMessage>.Continue;
        }

        var (admitted, error) = Validate(message, room);
        if (error is not null)
        {
            if (message is ClientMessage.Invocation invocation)
            {
                invocation.Fail(error.Code, error.Message);
            }
            else
            {
                await output.SendErrorAsync(error, cancellationToken);
            }
        }

        return admitted is null ? CancellationResult<ClientMessage>.Continue : CancellationResult<ClientMessage>.Item(admitted);
    }

    /// <summary>
    /// Why a call cannot be handled at all (unbindable, or a message of a mode whose type is not a name or whose payload
    /// is not a JSON object), with the error's text for the client; or null.
    /// </summary>
    private static (string Target, string Reason, string Error)? ShapeError(ClientMessage message) => message switch
    {
        ClientMessage.Malformed malformed =>
            (malformed.Target, malformed.Reason, $"the arguments of '{Clip(malformed.Target)}' could not be read"),
        ClientMessage.Send { Type: var type } send when !ModeNames.IsValid(type) =>
            (send.Method, "not a message type", $"a message type is 1 to {ModeNames.MaxLength} letters, digits, '_' or '-'"),
        ClientMessage.Send { Payload: not { IsObject: true } } send =>
            (send.Method, "the payload is not an object", $"the payload of '{send.Method}' must be an object"),
        _ => null,
    };

    private GateVerdict Admit(ClientMessage message, SeatedRoom? room) => message switch
    {
        ClientMessage.Send send when room is not null && room.Limits.TryFind(send.Type!, out var index) => gate.Admit(room.Limits, index),
        ClientMessage.Send => gate.Admit(MessageCategory.Message),
        _ => gate.Admit(MessageCategory.Room),
    };

    private (ClientMessage? Admitted, ErrorMessage? Error) Validate(ClientMessage message, SeatedRoom? room)
    {
        switch (message)
        {
            case ClientMessage.Send send:
                return CheckSend(send, room);
            case ClientMessage.JoinRoom { Request: null }:
            case ClientMessage.CreateRoom { Request: null }:
                return (null, new ErrorMessage(ErrorCodes.InvalidArgument, "the argument must be an object"));
            case ClientMessage.JoinRoom { Request.RoomId: { } roomId } when !RoomCodes.IsValid(roomId):
                return (null, RoomCodes.InvalidError());
            case ClientMessage.JoinRoom { Request: { RoomId: not null } request } join:
                // The code names one room, whatever it plays: mode and properties are for quick join only.
                return (join with { Request = request with { Mode = null, Properties = RoomRequestRules.None } }, null);
            case ClientMessage.JoinRoom { Request: { } request } join:
                return RoomRequestRules.TryCheck(request.Mode, request.Properties, out var joinProperties, out var joinError)
                    ? (join with { Request = request with { Properties = joinProperties } }, null)
                    : (null, joinError);
            case ClientMessage.CreateRoom { Request: { } request } create:
                return RoomRequestRules.TryCheck(request.Mode, request.Properties, out var createProperties, out var createError)
                    ? (create with { Request = request with { Properties = createProperties } }, null)
                    : (null, createError);
            default:
                return (message, null);
        }
    }

    private (ClientMessage? Admitted, ErrorMessage? Error) CheckSend(ClientMessage.Send send, SeatedRoom? room)
    {
        if (room is null)
        {
            return (null, new ErrorMessage(ErrorCodes.NotInRoom, "join a room first"));
        }

        var type = send.Type!;
        if (!room.Limits.TryFind(type, out var index))
        {
            return (null, new ErrorMessage(ErrorCodes.UnknownMessage, $"mode '{room.Mode}' has no message '{type}'"));
        }

        var maxBytes = room.Limits.Items[index].MaxBytes;
        var payload = send.Payload!;
        if (payload.Utf8.Length > maxBytes)
        {
            return (null, new ErrorMessage(ErrorCodes.MessageTooLarge, $"a '{type}' payload has at most {maxBytes} bytes of JSON"));
        }

        return (new ClientMessage.ToRoom(room, new InboundMessage(playerId, type, payload.ToPayload())) { TraceParent = send.TraceParent }, null);
    }

    private async Task DropAsync(ClientMessage message, CancellationToken cancellationToken)
    {
        const string Text = "too many messages; slow down";
        metrics.MessageRateLimited(message);
        if (message is ClientMessage.Invocation invocation)
        {
            invocation.Fail(ErrorCodes.RateLimited, Text);
        }
        else if (gate.ShouldReportRateLimited())
        {
            await output.SendErrorAsync(new ErrorMessage(ErrorCodes.RateLimited, Text), cancellationToken);
        }
    }

    private async Task<CancellationResult<ClientMessage>> FloodAsync(ClientMessage message)
    {
        (message as ClientMessage.Invocation)?.Fail(ErrorCodes.RateLimited, "the connection is closing: too many messages");
        LogFlood(logger, gate.Dropped);
        await output.CloseAsync(new Closing(ClosingReasons.Flood, "too many messages"));
        return CancellationResult<ClientMessage>.Break;
    }

    private static string Clip(string target) => target.Length <= 32 ? target : target[..32];

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Dropped a call to {Target} that could not be bound: {Reason} (this connection's next ones are logged at debug level)")]
    private static partial void LogMalformed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Dropped another call to {Target} that could not be bound: {Reason}")]
    private static partial void LogMalformedAgain(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Closing a flooding connection after {Dropped} dropped messages")]
    private static partial void LogFlood(ILogger logger, long dropped);
}

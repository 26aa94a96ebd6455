using System.Threading.Channels;
using OrleansGame.Cancellable;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Observability;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// A connection's inbound service. Its handle is the bounded writer the hub writes <see cref="ClientMessage"/>s into;
/// each unit of work reads one message, rate-limits and validates it, and yields it when it may go to the grains.
/// Errors go back to the client from here; the callback only forwards what passed.
/// </summary>
internal sealed partial class InboundService(
    int capacity, MessageGate gate, IConnectionOutput output, ILogger logger, GatewayMetrics metrics) : ICancellable<ClientMessage, ChannelWriter<ClientMessage>>
{
    private readonly Channel<ClientMessage> _queue = Channel.CreateBounded<ClientMessage>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = false,
    });

    private long _lastSeq;
    private int _overflowed;

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

        var verdict = gate.Admit(CategoryOf(message));
        if (message is ClientMessage.Malformed malformed)
        {
            // Unbindable calls have no bucket: each one counts as over the limit, and each gets its own error.
            metrics.MalformedReceived();
            LogMalformed(logger, Clip(malformed.Target), malformed.Reason);
            verdict = verdict == GateVerdict.Flood ? verdict : GateVerdict.Pass;
        }

        switch (verdict)
        {
            case GateVerdict.Flood:
                return await FloodAsync(message);
            case GateVerdict.Drop:
                await DropAsync(message, cancellationToken);
                return CancellationResult<ClientMessage>.Continue;
        }

        var (admitted, error) = Validate(message);
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

    private (ClientMessage? Admitted, ErrorMessage? Error) Validate(ClientMessage message)
    {
        switch (message)
        {
            case ClientMessage.Input input:
                var check = InputRules.Check(input.Message, _lastSeq);
                if (check.Verdict != InputVerdict.Accept)
                {
                    return (null, check.Error);
                }

                _lastSeq = check.Seq;
                return (input with { Message = new InputMessage(check.Seq, check.Dx, check.Dy) }, null);
            case ClientMessage.Chat chat:
                return ChatRules.TryNormalize(chat.Request?.Text, out var text, out var chatError)
                    ? (chat with { Request = new ChatRequest(text) }, null)
                    : (null, chatError);
            case ClientMessage.Pong { Message.Seq: not null }:
                return (message, null);
            case ClientMessage.Pong:
                return (null, new ErrorMessage(ErrorCodes.InvalidArgument, "a pong needs the ping's seq"));
            case ClientMessage.JoinRoom { Request: null }:
            case ClientMessage.CreateRoom { Request: null }:
                return (null, new ErrorMessage(ErrorCodes.InvalidArgument, "the argument must be an object"));
            case ClientMessage.JoinRoom { Request.RoomId: { } roomId } when !RoomCodes.IsValid(roomId):
                return (null, RoomCodes.InvalidError());
            case ClientMessage.Malformed malformed:
                return (null, new ErrorMessage(ErrorCodes.InvalidArgument, $"the arguments of '{Clip(malformed.Target)}' could not be read"));
            default:
                return (message, null);
        }
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

    private static MessageCategory CategoryOf(ClientMessage message) => message switch
    {
        ClientMessage.Input => MessageCategory.Input,
        ClientMessage.Chat => MessageCategory.Chat,
        ClientMessage.Pong => MessageCategory.Pong,
        ClientMessage.Invocation => MessageCategory.Room,
        _ => MessageCategory.Malformed,
    };

    private static string Clip(string target) => target.Length <= 32 ? target : target[..32];

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Dropped a call to {Target} that could not be bound: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Closing a flooding connection after {Dropped} dropped messages")]
    private static partial void LogFlood(ILogger logger, long dropped);
}

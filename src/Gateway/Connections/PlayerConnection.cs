using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Cancellable;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Gateway.Security;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Everything one hub connection owns: the inbound service (queue, limits, validation, forwarding to the grains in
/// order), the observer grains push through, and the renewal service, all under one token linked to the host's
/// stopping token and the connection's abort token; and the connection's slot of its client address.
/// </summary>
internal sealed partial class PlayerConnection : IConnectionOutput, IMalformedMessageSink
{
    private const string ClosingText = "the connection is closing";
    private static readonly TimeSpan ClosingSendTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long a stopped connection's observer stays registered for pushes already on their way.</summary>
    public static readonly TimeSpan ObserverGrace = TimeSpan.FromSeconds(10);

    private readonly HubCallerContext _context;
    private readonly IGrainFactory _grains;
    private readonly GatewayFanout _fanout;
    private readonly RoomOutbox _outbox;
    private readonly IHubContext<GameHub> _hub;
    private readonly GameHubOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IPlayerGrain _player;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationToken _token;
    private readonly AddressSlot _slot;
    private readonly MessageGate _gate;
    private readonly InboundService _inbound;
    private readonly ConnectionObserver _observer;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _transportClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellableHandle<ChannelWriter<ClientMessage>>? _inboundHandle;
    private CancellableHandle<IPlayerObserver>? _renewal;
    private IPlayerObserver? _observerReference;
    private volatile SeatedRoom? _room;
    private volatile bool _transportObserved;
    private volatile bool _inboundEnded;
    private int _closing;
    private int _stopping;

    /// <summary>Creates the connection's parts; nothing runs until <see cref="StartAsync"/>.</summary>
    public PlayerConnection(
        HubCallerContext context, string playerId, AddressSlot slot, IGrainFactory grains, GatewayFanout fanout, RoomOutbox outbox,
        IHubContext<GameHub> hub, GameHubOptions options, CancellationToken applicationStopping, TimeProvider time, ILogger logger, GatewayMetrics metrics)
    {
        _slot = slot;
        _context = context;
        _grains = grains;
        _fanout = fanout;
        _outbox = outbox;
        _hub = hub;
        _options = options;
        _time = time;
        _logger = logger;
        PlayerId = playerId;
        _player = grains.GetGrain<IPlayerGrain>(playerId);
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(applicationStopping, context.ConnectionAborted);
        _token = _lifetime.Token;
        _gate = new MessageGate(options.RateLimits, time);
        _inbound = new InboundService(playerId, options.InboundQueueCapacity, _gate, this, logger, metrics);
        _observer = new ConnectionObserver(this, hub);
    }

    /// <summary>The SignalR connection id.</summary>
    public string ConnectionId => _context.ConnectionId;

    /// <summary>How the connection receives its room's shared state; set before <see cref="StartAsync"/>.</summary>
    public StateEncoding StateEncoding { get; init; }

    /// <summary>The player the connection's token belongs to.</summary>
    public string PlayerId { get; }

    /// <summary>
    /// Completes when the connection has stopped: services ended, the grain told, the observer released (Orleans
    /// forgets it <see cref="ObserverGrace"/> later).
    /// </summary>
    public Task Stopped => _stopped.Task;

    /// <summary>
    /// Completes when the connection's HTTP request has ended, so everything written to the client, <c>Closing</c>
    /// included, has left the server; completes with <see cref="Stopped"/> when the request cannot be observed.
    /// </summary>
    public Task TransportClosed => _transportClosed.Task;

    /// <summary>Completes <see cref="TransportClosed"/> when <paramref name="httpContext"/>'s response has completed.</summary>
    public void ObserveTransport(HttpContext? httpContext)
    {
        if (httpContext is null)
        {
            return;
        }

        httpContext.Response.OnCompleted(static state =>
        {
            ((PlayerConnection)state)._transportClosed.TrySetResult();
            return Task.CompletedTask;
        }, this);
        _transportObserved = true;
    }

    /// <summary>Spawns the services and attaches the observer to the player grain (which may resume a held seat).</summary>
    public async Task StartAsync()
    {
        _observerReference = _grains.CreateObjectReference<IPlayerObserver>(_observer);
        _fanout.Add(_observerReference.GetGrainId(), ConnectionId, StateEncoding);
        _inboundHandle = _inbound.SpawnWithCallback(_token, ForwardAsync);
        _ = CloseInboundWhenEndedAsync(_inboundHandle);
        await _player.AttachAsync(_observerReference, _fanout.Reference).WaitAsync(_token);
        _renewal = new RenewalService(_player, _observerReference, _fanout.Reference, _options.ObserverRenewInterval, _time, _logger)
            .SpawnWithCallback(_token, OnRenewedAsync);
        LogConnected(_logger, PlayerId, ConnectionId);
    }

    /// <summary>
    /// Queues a message from the hub. One that cannot queue is dropped, and an invocation fails at once: with
    /// <c>unavailable</c> once the connection is closing, with <c>rate_limited</c> when the queue is full (which
    /// counts as abuse).
    /// </summary>
    public void Receive(ClientMessage message)
    {
        if (!_inboundEnded && Volatile.Read(ref _closing) == 0 && _inboundHandle is { } handle)
        {
            if (handle.Handle.TryWrite(message))
            {
                return;
            }

            if (!_inboundEnded)
            {
                _inbound.NoteOverflow();
                (message as ClientMessage.Invocation)?.Fail(ErrorCodes.RateLimited, "too many messages; slow down");
                return;
            }
        }

        (message as ClientMessage.Invocation)?.Fail(HttpErrorCodes.Unavailable, ClosingText);
    }

    /// <summary>
    /// Takes a pong as it arrives, out of the queue's order, so it never waits behind an invocation the grains are
    /// still answering; it goes to the player grain once it passes the connection's limits.
    /// </summary>
    public void ReceivePong(ClientMessage.Pong pong)
    {
        if (!_inboundEnded && Volatile.Read(ref _closing) == 0)
        {
            _ = ForwardPongAsync(pong);
        }
    }

    /// <inheritdoc/>
    public void OnMalformed(string target, string reason) => Receive(new ClientMessage.Malformed(target, reason));

    /// <inheritdoc/>
    public SeatedRoom? Room => _room;

    /// <summary>
    /// Remembers the room the player sits in and the limits of its mode's messages (from a join or a resumed seat),
    /// which start the connection's buckets for those messages afresh.
    /// </summary>
    public void NoteRoom(JoinedRoom joined)
    {
        MessageTypes.Declare(joined.Limits.Select(static limit => limit.Type));
        var grain = _room is { } current && current.Id == joined.RoomId ? current.Grain : _grains.GetGrain<IRoomGrain>(joined.RoomId);
        _room = new SeatedRoom(joined.RoomId, joined.Mode, grain, new MessageLimits(joined.Limits));
        if (StateEncoding == StateEncoding.Delta && _observerReference is { } reference)
        {
            // A new seat starts the compact stream again: its next state is a keyframe.
            _fanout.Add(reference.GetGrainId(), ConnectionId, StateEncoding);
        }
    }

    /// <summary>Forgets the room: the player left it or lost the seat.</summary>
    public void NoteLeft() => _room = null;

    /// <inheritdoc/>
    public Task SendErrorAsync(ErrorMessage error, CancellationToken cancellationToken) =>
        _hub.Clients.Client(ConnectionId).SendAsync(ServerMethods.Error, error, cancellationToken);

    /// <inheritdoc/>
    public async Task CloseAsync(Closing closing)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        LogClosing(_logger, PlayerId, ConnectionId, closing.Reason);
        if (closing.Reason == ClosingReasons.Flood)
        {
            _slot.BackOff();
        }

        try
        {
            await _hub.Clients.Client(ConnectionId).SendAsync(ServerMethods.Closing, closing).WaitAsync(ClosingSendTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or OperationCanceledException)
        {
            LogClosingNotSent(_logger, ConnectionId, exception);
        }

        _context.Abort();
    }

    /// <summary>Stops the services, detaches from the player grain and releases the observer; safe to call once the connection is gone.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await Stopped;
            return;
        }

        try
        {
            await _lifetime.CancelAsync();
            if (_inboundHandle is { } inbound)
            {
                await inbound.DisposeAsync();
                EndInbound(inbound);
            }

            if (_renewal is { } renewal)
            {
                await renewal.DisposeAsync();
            }

            _gate.Dispose();
            if (_observerReference is { } reference)
            {
                try
                {
                    await _player.DetachAsync(reference).WaitAsync(_options.DetachTimeout);
                }
                catch (Exception exception)
                {
                    LogDetachFailed(_logger, PlayerId, exception);
                }

                _fanout.Remove(reference.GetGrainId());
                _ = ReleaseObserverAsync(reference);
            }

            LogDisconnected(_logger, PlayerId, ConnectionId);
        }
        finally
        {
            _slot.Dispose();
            _lifetime.Dispose();
            _stopped.TrySetResult();
            if (!_transportObserved)
            {
                _transportClosed.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Lets Orleans forget the observer once <see cref="ObserverGrace"/> has passed: a push the player's grain sent just
    /// before it took the detach (a ping) may still be on its way, since Orleans hands a call's answer to the gateway at
    /// once but the grains' calls to its objects through a queue. A push that found no object would be logged as an
    /// error; meanwhile it finds this one, whose connection is gone, so nothing is sent.
    /// </summary>
    private async Task ReleaseObserverAsync(IPlayerObserver reference)
    {
        await Task.Delay(ObserverGrace, _time).ConfigureAwait(false);
        try
        {
            _grains.DeleteObjectReference<IPlayerObserver>(reference);
        }
        catch (Exception exception) when (exception is ArgumentException or ObjectDisposedException)
        {
            // The host stopped meanwhile, and Orleans let go of its objects itself.
            LogObserverGone(_logger, PlayerId, exception);
        }
    }

    private async ValueTask<bool> ForwardAsync(ClientMessage message, CancellationToken cancellationToken)
    {
        using var activity = GatewayTelemetry.StartForward(message, PlayerId);
        try
        {
            switch (message)
            {
                case ClientMessage.ToRoom toRoom:
                    // Posted, not awaited: the outbox batches what this gateway's connections send the room meanwhile.
                    _outbox.Post(toRoom.Room, toRoom.Message);
                    break;
                case ClientMessage.JoinRoom { Request: { } request } join:
                    var joining = new RoomRequest(request.RoomId, request.Mode, IsPrivate: false, request.Properties!);
                    Complete(join, await _player.JoinRoomAsync(joining).WaitAsync(cancellationToken));
                    break;
                case ClientMessage.CreateRoom { Request: { } request } create:
                    var creating = new RoomRequest(RoomId: null, request.Mode, request.IsPrivate, request.Properties!);
                    Complete(create, await _player.CreateRoomAsync(creating).WaitAsync(cancellationToken));
                    break;
                case ClientMessage.LeaveRoom leave:
                    await _player.LeaveRoomAsync().WaitAsync(cancellationToken);
                    NoteLeft();
                    leave.Reply.TrySetResult(null);
                    break;
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogForwardFailed(_logger, PlayerId, exception);
        }
        finally
        {
            (message as ClientMessage.Invocation)?.Fail(HttpErrorCodes.Unavailable, "the game service did not answer");
        }

        return true;
    }

    /// <summary>
    /// Whatever ended the inbound service (a flood, a failure, the connection closing), nothing may wait on it: the
    /// queue refuses new messages, and the invocations still queued or in hand fail.
    /// </summary>
    private async Task CloseInboundWhenEndedAsync(CancellableHandle<ChannelWriter<ClientMessage>> inbound)
    {
        await inbound.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        EndInbound(inbound);
        if (inbound.Outcome == CancellableOutcome.Failed)
        {
            LogInboundFailed(_logger, PlayerId, inbound.Completion.Exception!.GetBaseException());
            _context.Abort();
        }
    }

    private void EndInbound(CancellableHandle<ChannelWriter<ClientMessage>> inbound)
    {
        _inboundEnded = true;
        inbound.Handle.TryComplete();
        (inbound.AbandonedItem as ClientMessage.Invocation)?.Fail(HttpErrorCodes.Unavailable, ClosingText);
        _inbound.FailQueued(HttpErrorCodes.Unavailable, ClosingText);
    }

    private async Task ForwardPongAsync(ClientMessage.Pong pong)
    {
        try
        {
            if (await _inbound.CheckPongAsync(pong, _token) is { } seq)
            {
                await _player.PongAsync(seq);
            }
        }
        catch (Exception exception)
        {
            // Once the connection is closing, a pong no longer matters.
            if (!_token.IsCancellationRequested)
            {
                LogForwardFailed(_logger, PlayerId, exception);
            }
        }
    }

    private void Complete(ClientMessage.Invocation invocation, JoinOutcome outcome)
    {
        if (outcome.Result is { } result)
        {
            NoteRoom(result);
            invocation.Reply.TrySetResult(RawJson.From(result.Result));
        }
        else
        {
            var error = outcome.Error ?? new ErrorMessage(HttpErrorCodes.Unavailable, "the join was neither accepted nor refused");
            invocation.Fail(error.Code, error.Message);
        }
    }

    private async ValueTask<bool> OnRenewedAsync(Closing? ended, CancellationToken cancellationToken)
    {
        if (ended is null)
        {
            return true;
        }

        await CloseAsync(ended);
        return false;
    }
}

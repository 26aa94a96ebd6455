using System.Text.Json;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

/// <summary>
/// One seat in one room of any mode: what <see cref="GameClient.JoinOrCreateAsync"/>, <see cref="GameClient.CreateAsync"/>
/// and <see cref="GameClient.JoinAsync"/> return. Its handlers live as long as the seat: they survive a reconnect that
/// resumes it (<see cref="OnRejoin"/>) and end with <see cref="LeaveAsync"/>, a failed room, a join elsewhere, or the
/// end of the connection. Every <c>On...</c> returns an <see cref="IDisposable"/> that removes the handler.
/// </summary>
public sealed class Room : IAsyncDisposable
{
    private static readonly TimeSpan LeaveOnDisposeTimeout = TimeSpan.FromSeconds(5);

    private readonly GameClient _client;
    private readonly object _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<Action<LeaveCause>> _leaveHandlers = [];
    private JsonElement _joinResult;
    private JsonElement? _state;
    private bool _active = true;

    internal Room(GameClient client, JsonElement joinResult)
    {
        _client = client;
        _joinResult = joinResult;
        Id = joinResult.GetProperty("roomId").GetString() ?? throw new JsonException("a join result without roomId");
        PlayerId = joinResult.TryGetProperty("playerId", out var player) ? player.GetString() ?? "" : "";
        Mode = joinResult.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String ? mode.GetString()! : "arena";
        _state = InitialState(joinResult);
        // The room keeps its own view current, before any user handler sees the message.
        Own(ServerMethodNames.State, message => SetState(message.Payload));
        Own(ServerMethodNames.Snapshot, message =>
        {
            if (IsMine(message.Payload))
            {
                SetState(message.Payload);
            }
        });
        Own(ServerMethodNames.RoomState, message =>
        {
            if (IsMine(message.Payload))
            {
                lock (_gate)
                {
                    _joinResult = message.Payload;
                    _state = InitialState(message.Payload) ?? _state;
                }
            }
        });
    }

    /// <summary>The room's code, also its id: share it for <see cref="GameClient.JoinAsync"/>.</summary>
    public string Id { get; }

    /// <summary>The room's mode (<c>arena</c>, <c>four-in-a-row</c>, ...).</summary>
    public string Mode { get; }

    /// <summary>The local player's id.</summary>
    public string PlayerId { get; }

    /// <summary>Whether the player still holds this seat as far as the client knows.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>The latest join result as JSON: the one that seated the player, or the <c>RoomState</c> a resumed seat brought.</summary>
    public JsonElement JoinResult
    {
        get
        {
            lock (_gate)
            {
                return _joinResult;
            }
        }
    }

    /// <summary>The players seated when the player joined (or the seat was resumed).</summary>
    public IReadOnlyList<RosterEntry> Roster => JoinResult.TryGetProperty("roster", out var roster)
        ? Payloads.Read<List<RosterEntry>>(roster)
        : [];

    /// <summary>The latest state the room sent (the join result's, then every <c>State</c> or arena <c>Snapshot</c>); null before any.</summary>
    public JsonElement? State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Reads the latest join result as the mode's type, such as the arena's <c>ArenaJoinState</c>.</summary>
    public T JoinResultAs<T>() => Payloads.Read<T>(JoinResult);

    /// <summary>Reads the latest state as the mode's type; the default when there is none yet.</summary>
    public T? StateAs<T>() => State is { } state ? Payloads.Read<T>(state) : default;

    /// <summary>Whether the room plays <paramref name="mode"/>.</summary>
    public bool Is(string mode) => string.Equals(Mode, mode, StringComparison.Ordinal);

    /// <summary>
    /// Sends a message of the room's mode (<c>Send(type, payload)</c>), one-way; refusals come to <see cref="OnError"/>
    /// (<c>unknown_message</c>, <c>message_too_large</c>, <c>rate_limited</c>, or the mode's own code).
    /// </summary>
    /// <param name="type">A message type the mode declares.</param>
    /// <param name="payload">An object (a record, an anonymous object, a dictionary); written with camelCase fields.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <exception cref="GameException"><c>not_in_room</c> once the seat is gone.</exception>
    public Task SendAsync<T>(string type, T payload, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(type))
        {
            throw new ArgumentException("a message type is required", nameof(type));
        }

        var wire = Payloads.ToWire(payload);
        if (wire is not IDictionary<string, object?>)
        {
            throw new ArgumentException("a payload is an object", nameof(payload));
        }

        return IsActive
            ? _client.SendAsync(type, wire, cancellationToken)
            : throw new GameException(ErrorCodes.NotInRoom, $"the seat in room {Id} is gone");
    }

    /// <summary>
    /// Handles the mode's messages of one type, read as <typeparamref name="T"/>: <c>Message(type, payload)</c>, or a hub
    /// method of that name (how a mode sends some types as methods of their own, like the arena's <c>Chat</c> and
    /// every mode's <c>RoomEvent</c>).
    /// </summary>
    public IDisposable OnMessage<T>(string type, Action<T> handler)
    {
        if (string.IsNullOrEmpty(type))
        {
            throw new ArgumentException("a message type is required", nameof(type));
        }

        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        var generic = _client.Listen(ServerMethodNames.Message, message =>
        {
            if (message.Type == type)
            {
                handler(Payloads.Read<T>(message.Payload));
            }
        });
        var direct = type == ServerMethodNames.Message ? null : _client.Listen(type, message => handler(Payloads.Read<T>(message.Payload)));
        return Track(new Subscriptions(generic, direct));
    }

    /// <summary>Handles the room's state after every tick (<c>State</c>, or the arena's <c>Snapshot</c>), read as <typeparamref name="T"/>.</summary>
    public IDisposable OnState<T>(Action<T> handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        var state = _client.Listen(ServerMethodNames.State, message => handler(Payloads.Read<T>(message.Payload)));
        var snapshot = _client.Listen(ServerMethodNames.Snapshot, message =>
        {
            if (IsMine(message.Payload))
            {
                handler(Payloads.Read<T>(message.Payload));
            }
        });
        return Track(new Subscriptions(state, snapshot));
    }

    /// <summary>Handles the errors the server sends on this seat: refused messages with the host's codes or the mode's own.</summary>
    public IDisposable OnError(Action<GameErrorEventArgs> handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        return Track(_client.Listen(ServerMethodNames.Error, message => handler(new GameErrorEventArgs(Payloads.Read<ErrorMessage>(message.Payload)))));
    }

    /// <summary>
    /// Handles the seat coming back after a dropped connection, and the seat's state sent again without one (after the
    /// room moved to another silo, or the gateway's connection to the cluster came back: states sent meanwhile may be
    /// lost, so redraw from it); <see cref="JoinResult"/> is then the resumed one.
    /// </summary>
    public IDisposable OnRejoin(Action<Room> handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        return Track(_client.Listen(ServerMethodNames.RoomState, message =>
        {
            if (IsMine(message.Payload))
            {
                handler(this);
            }
        }));
    }

    /// <summary>Handles the end of the seat, once, with its cause.</summary>
    public IDisposable OnLeave(Action<LeaveCause> handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        lock (_gate)
        {
            _leaveHandlers.Add(handler);
        }

        return new Subscriptions(new Removal(() =>
        {
            lock (_gate)
            {
                _leaveHandlers.Remove(handler);
            }
        }));
    }

    /// <summary>Leaves the room (<c>LeaveRoom</c>); every handler added through the room is removed.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        if (IsActive)
        {
            await _client.LeaveRoomAsync(cancellationToken).ConfigureAwait(false);
            End(LeaveCause.Left);
        }
    }

    /// <summary>Leaves the room if the seat is still held (bounded: 5 s at most) and removes every handler.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsActive)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(LeaveOnDisposeTimeout);
            await LeaveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is GameException or OperationCanceledException or ObjectDisposedException)
        {
            // The seat ends here either way; the server lets it go after its hold.
        }
        finally
        {
            End(LeaveCause.Left);
        }
    }

    /// <summary>Ends the handle without asking the server: the client calls it when the seat is gone.</summary>
    internal void End(LeaveCause cause)
    {
        IDisposable[] subscriptions;
        Action<LeaveCause>[] handlers;
        lock (_gate)
        {
            if (!_active)
            {
                return;
            }

            _active = false;
            subscriptions = [.. _subscriptions];
            handlers = [.. _leaveHandlers];
            _subscriptions.Clear();
            _leaveHandlers.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        _client.RaiseLeave(handlers, cause);
    }

    private static JsonElement? InitialState(JsonElement joinResult) =>
        joinResult.TryGetProperty("state", out var state) ? state
        : joinResult.TryGetProperty("snapshot", out var snapshot) ? snapshot
        : null;

    private bool IsMine(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("roomId", out var roomId) && roomId.ValueKind == JsonValueKind.String && roomId.GetString() == Id;

    private void SetState(JsonElement state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    private void Own(string method, Action<HubEvent> callback) => Track(_client.Listen(method, callback, inline: true));

    private IDisposable Track(IDisposable subscription)
    {
        lock (_gate)
        {
            if (_active)
            {
                _subscriptions.Add(subscription);
                return subscription;
            }
        }

        subscription.Dispose();
        return subscription;
    }

    private sealed class Subscriptions(params IDisposable?[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part?.Dispose();
            }
        }
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}

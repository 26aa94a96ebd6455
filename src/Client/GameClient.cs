using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

/// <summary>
/// A player's client of an OrleansGame server: the session (HTTP), the hub connection, and the seat in a room of any
/// mode (<see cref="JoinOrCreateAsync"/>, <see cref="CreateAsync"/>, <see cref="JoinAsync"/>). Pings are answered and a
/// dropped connection reconnects by itself; the server resumes the seat within its hold. Disposing it stops everything:
/// the connection, the reconnects, the room and every callback.
/// </summary>
/// <example>
/// <code>
/// await using var client = new GameClient(new GameClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000") });
/// await client.CreateSessionAsync("Alice", cancellationToken);
/// var room = await client.JoinOrCreateAsync("four-in-a-row", cancellationToken: cancellationToken);
/// room.OnState&lt;BoardState&gt;(state => Draw(state.Board));
/// await room.SendAsync("Drop", new { column = 3 }, cancellationToken);
/// </code>
/// </example>
public sealed partial class GameClient : IAsyncDisposable
{
    private const string HubPath = "hubs/game";

    private readonly GameClientOptions _options;
    private readonly Uri _baseAddress;
    private readonly HttpClient _http;
    private readonly HubConnection _hub;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly CallbackDispatcher _dispatcher;
    private SessionResponse? _session;
    private Room? _room;
    private ClosingEventArgs? _lastClosing;
    private volatile bool _final;
    private int _disposed;

    /// <summary>A client of the server at <see cref="GameClientOptions.BaseAddress"/>; nothing is sent until a call needs it.</summary>
    public GameClient(GameClientOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var baseAddress = options.BaseAddress ?? throw new ArgumentException("BaseAddress is required", nameof(options));
        _baseAddress = baseAddress.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = options.HttpMessageHandler is null ? new HttpClient() : new HttpClient(options.HttpMessageHandler, disposeHandler: false);
        _http.BaseAddress = _baseAddress;
        _dispatcher = new CallbackDispatcher(options.CallbackContext, _lifetime.Token, exception => CallbackFailed?.Invoke(this, exception));
        _hub = BuildHub();
        Wire();
    }

    /// <summary>The server's <c>Closing</c>, just before it closes the connection; <see cref="ClosingEventArgs.Reason"/> says why.</summary>
    public event EventHandler<ClosingEventArgs>? Closing;

    /// <summary>An <c>Error</c> from the server: a refused message; the connection stays open.</summary>
    public event EventHandler<GameErrorEventArgs>? Error;

    /// <summary>The connection dropped and the client is reconnecting (the argument is the cause, if any).</summary>
    public event EventHandler<Exception?>? Reconnecting;

    /// <summary>The connection is back; a held seat comes back too (<see cref="Room.OnRejoin"/>).</summary>
    public event EventHandler? Reconnected;

    /// <summary>The connection ended for good: stopped, closed after a final <c>Closing</c>, or reconnecting gave up.</summary>
    public event EventHandler<Exception?>? Disconnected;

    /// <summary>A callback or event handler threw; the client goes on.</summary>
    public event EventHandler<Exception>? CallbackFailed;

    /// <summary>The session in use: from <see cref="CreateSessionAsync"/>, <see cref="RefreshSessionAsync"/> or <see cref="UseSession"/>.</summary>
    public SessionResponse? Session => Volatile.Read(ref _session);

    /// <summary>The hub protocol in use.</summary>
    public GameProtocol Protocol => _options.Protocol;

    /// <summary>The hub connection's state.</summary>
    public HubConnectionState State => _hub.State;

    /// <summary>Whether the hub connection is up.</summary>
    public bool IsConnected => _hub.State == HubConnectionState.Connected;

    /// <summary>The room the player is seated in through this client, while the seat lasts; else null.</summary>
    public Room? CurrentRoom => Volatile.Read(ref _room);

    /// <summary>The last <c>Closing</c> the server sent, or null.</summary>
    public ClosingEventArgs? LastClosing => Volatile.Read(ref _lastClosing);

    /// <summary>Uses a session kept from before (its access token must still be valid, else refresh it first).</summary>
    public void UseSession(SessionResponse session) => Volatile.Write(ref _session, session ?? throw new ArgumentNullException(nameof(session)));

    /// <summary>Opens the hub connection (the join methods do it when needed). Throws <see cref="GameException"/> <c>unauthorized</c> for a refused token.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        using var linked = Link(cancellationToken);
        await EnsureConnectedAsync(linked.Token).ConfigureAwait(false);
    }

    /// <summary>Closes the connection without reconnecting; the server holds the seat for its reconnect window.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        using var linked = Link(cancellationToken);
        await _connecting.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await _hub.StopAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Stops everything: the connection and its reconnects, the room handle, every callback.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        Interlocked.Exchange(ref _room, null)?.End(LeaveCause.Disconnected);
        await _hub.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        // _lifetime and _connecting stay undisposed on purpose: a call still unwinding links to the one and releases
        // the other; neither holds an OS handle.
    }

    private bool GivenUp => _final || Volatile.Read(ref _disposed) != 0;

    private HubConnection BuildHub()
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(_baseAddress, HubPath), (HttpConnectionOptions http) =>
        {
            http.AccessTokenProvider = () => Task.FromResult(Session?.Token);
            if (_options.HttpMessageHandler is { } handler)
            {
                http.HttpMessageHandlerFactory = _ => handler;
            }
        });
        if (_options.Protocol == GameProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        if (_options.Reconnect)
        {
            builder.WithAutomaticReconnect(new SeatHoldRetryPolicy(() => GivenUp, _options.ReconnectWindow));
        }

        return builder.Build();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (Session is null)
        {
            throw new InvalidOperationException("no session: call CreateSessionAsync or UseSession first");
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_hub.State != HubConnectionState.Disconnected)
            {
                return;
            }

            _final = false;
            try
            {
                await _hub.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw exception.Message.Contains("401")
                    ? new GameException(GameException.Unauthorized, "the server refused the session token", 401, exception)
                    : new GameException(GameException.Network, exception.Message, innerException: exception);
            }
        }
        finally
        {
            _connecting.Release();
        }
    }

    private CancellationTokenSource Link(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(GameClient));
        }
    }

    private void Raise(Action raise) => _dispatcher.Run(raise);
}

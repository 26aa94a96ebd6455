using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Auth;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Gateway.Security;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Hubs;

/// <summary>
/// The game hub at <c>/hubs/game</c>. Thin on purpose: each method turns the call into a <see cref="ClientMessage"/>
/// and hands it to the connection's <see cref="PlayerConnection"/>, which validates, limits and forwards it.
/// </summary>
[Authorize]
internal sealed class GameHub(
    ConnectionRegistry registry, PlayerConnectionFactory factory, ShutdownCoordinator shutdown, AddressSlots slots, RoomCreationLimiter creations) : Hub
{
    /// <summary>Takes a slot of the client's address, creates the connection's <see cref="PlayerConnection"/> and starts its services.</summary>
    public override async Task OnConnectedAsync()
    {
        var playerId = PlayerClaims.GetPlayerId(Context.User) ?? throw new HubException("unauthorized: the token has no subject");
        var encoding = StateEncodings.FromQuery(Context.GetHttpContext()?.Request.Query[StateEncodings.QueryParameter].ToString())
            ?? throw new HubException($"{ErrorCodes.InvalidArgument}: {StateEncodings.QueryParameter} must be 'full' or 'delta'");
        // The edge refuses most connections over the cap before they open; this catches those that raced past it.
        var slot = slots.TryAcquire(Context.GetHttpContext()?.Connection.RemoteIpAddress)
            ?? throw new HubException($"{HttpErrorCodes.TooManyConnections}: this address holds too many game connections");
        var connection = factory.Create(Context, playerId, slot, encoding);
        if (Context.Features.Get<IHttpTransportFeature>()?.TransportType != HttpTransportType.LongPolling)
        {
            // A long poll's request is a copy made per poll, whose end says nothing about the connection.
            connection.ObserveTransport(Context.GetHttpContext());
        }

        registry.Add(connection);
        try
        {
            if (shutdown.IsDraining)
            {
                await connection.CloseAsync(new Closing(ClosingReasons.ServerShutdown, "the server is shutting down"));
                return;
            }

            MalformedMessageProtocol.Attach(Context, connection);
            await connection.StartAsync();
        }
        catch
        {
            // OnDisconnectedAsync does not run when OnConnectedAsync fails, so clean up here.
            registry.Remove(Context.ConnectionId);
            await connection.StopAsync();
            throw;
        }
    }

    /// <summary>Stops the connection's services and detaches it from its player.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (registry.Remove(Context.ConnectionId) is { } connection)
        {
            await connection.StopAsync();
        }
    }

    /// <summary>Quick join (<c>roomId</c> null) in a mode, or join a room by code; returns the <c>JoinResult</c>.</summary>
    public async Task<RawJson> JoinRoom(JoinRoomRequest? request) => (await InvokeAsync(new ClientMessage.JoinRoom(request)))!;

    /// <summary>Creates a room of a mode and seats the caller in it; returns the <c>JoinResult</c>.</summary>
    public async Task<RawJson> CreateRoom(CreateRoomRequest? request)
    {
        var create = new ClientMessage.CreateRoom(request);
        if (!creations.TryAcquire(Context.GetHttpContext()?.Connection.RemoteIpAddress))
        {
            // Per address, which only the gateway knows; each player's own cooldown is the player grain's.
            create.Fail(ErrorCodes.RateLimited, "this address created too many rooms; wait a little or join one");
            return (await create.Reply.Task)!;
        }

        return (await InvokeAsync(create))!;
    }

    /// <summary>Leaves the current room, if any.</summary>
    public Task LeaveRoom() => InvokeAsync(new ClientMessage.LeaveRoom());

    /// <summary>A message of <paramref name="type"/> for the room's mode; errors come back as <c>Error</c>.</summary>
    public void Send(string? type, RawJson? payload) => Enqueue(new ClientMessage.Send(nameof(Send), type, payload));

    /// <summary><c>Send("Input", payload)</c>, under the name clients used before <c>Send</c>.</summary>
    public void Input(RawJson? payload) => Enqueue(new ClientMessage.Send(nameof(Input), nameof(Input), payload));

    /// <summary><c>Send("Chat", payload)</c>, under the name clients used before <c>Send</c>.</summary>
    public void Chat(RawJson? payload) => Enqueue(new ClientMessage.Send(nameof(Chat), nameof(Chat), payload));

    /// <summary>The answer to a <c>Ping</c>; taken at once, even while an invocation of the caller is pending.</summary>
    public void Pong(PongMessage? pong) => registry.Find(Context.ConnectionId)?.ReceivePong(new ClientMessage.Pong(pong));

    private void Enqueue(ClientMessage message) => registry.Find(Context.ConnectionId)?.Receive(message);

    /// <summary>Queues <paramref name="invocation"/> and returns its reply, which cannot outlive the connection.</summary>
    private async Task<RawJson?> InvokeAsync(ClientMessage.Invocation invocation)
    {
        if (registry.Find(Context.ConnectionId) is { } connection)
        {
            connection.Receive(invocation);
        }
        else
        {
            invocation.Fail(HttpErrorCodes.Unavailable, "the connection is closing");
        }

        try
        {
            return await invocation.Reply.Task.WaitAsync(Context.ConnectionAborted);
        }
        catch (OperationCanceledException) when (Context.ConnectionAborted.IsCancellationRequested)
        {
            throw new HubException($"{HttpErrorCodes.Unavailable}: the connection is closing");
        }
    }
}

using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// The <see cref="IPlayerObserver"/> of one connection: what grains push through its reference goes to that one
/// client. Held strongly by its <see cref="PlayerConnection"/> for the connection's lifetime and for
/// <see cref="PlayerConnection.ObserverGrace"/> after it, when pushes find no client to go to.
/// </summary>
internal sealed class ConnectionObserver(PlayerConnection connection, IHubContext<GameHub> hub) : IPlayerObserver
{
    private IClientProxy Client => hub.Clients.Client(connection.ConnectionId);

    /// <inheritdoc/>
    public Task OnMessageAsync(ServerMessage message) => message.Type is null
        ? Client.SendAsync(message.Method, RawJson.From(message.Payload))
        : Client.SendAsync(message.Method, message.Type, RawJson.From(message.Payload));

    /// <inheritdoc/>
    public Task OnRoomStateAsync(JoinedRoom room)
    {
        connection.NoteRoom(room);
        return Client.SendAsync(ServerMethods.RoomState, RawJson.From(room.Result));
    }

    /// <inheritdoc/>
    public Task OnPingAsync(Ping ping) => Client.SendAsync(ServerMethods.Ping, ping);

    /// <inheritdoc/>
    public Task OnRoomEventAsync(RoomEvent roomEvent)
    {
        if (roomEvent.Type == RoomEventTypes.PlayerLeft && roomEvent.PlayerId == connection.PlayerId)
        {
            connection.NoteLeft();
        }

        return Client.SendAsync(ServerMethods.RoomEvent, roomEvent);
    }

    /// <inheritdoc/>
    public Task OnErrorAsync(ErrorMessage error) => Client.SendAsync(ServerMethods.Error, error);

    /// <inheritdoc/>
    public Task OnClosingAsync(Closing closing) => connection.CloseAsync(closing);

    /// <inheritdoc/>
    public Task OnRoomMovingAsync(string roomId) => connection.FollowRoomAsync(roomId);
}

using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// The handle through which grains push to one client connection. The gateway implements it per connection;
/// its grain reference is what player and room grains hold. Every call is one-way: a slow or dead connection
/// never holds up the grain that pushes.
/// </summary>
public interface IPlayerObserver : IGrainObserver
{
    /// <summary>Delivers a message of the room's mode (a generic <c>Message</c>, a <c>State</c>, or a method of the mode's own).</summary>
    [OneWay]
    Task OnMessageAsync(ServerMessage message);

    /// <summary>Delivers the full room state when a reconnect resumes a seat (sent as <c>RoomState</c>).</summary>
    [OneWay]
    Task OnRoomStateAsync(JoinedRoom room);

    /// <summary>Delivers a ping from the player's ping service.</summary>
    [OneWay]
    Task OnPingAsync(Ping ping);

    /// <summary>Delivers a seat change in the player's room.</summary>
    [OneWay]
    Task OnRoomEventAsync(RoomEvent roomEvent);

    /// <summary>Reports a rejected message to the client.</summary>
    [OneWay]
    Task OnErrorAsync(ErrorMessage error);

    /// <summary>Tells the client why it is being closed; the gateway then closes the connection.</summary>
    [OneWay]
    Task OnClosingAsync(Closing closing);

    /// <summary>
    /// The player's room is moving: its silo is shutting down and the room has written its checkpoint. The gateway
    /// answers by calling the room again, which reactivates it on a surviving silo from that checkpoint. Added after
    /// the first release, so it has a default that does nothing.
    /// </summary>
    [OneWay]
    Task OnRoomMovingAsync(string roomId) => Task.CompletedTask;
}

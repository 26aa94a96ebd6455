using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// The handle through which grains push to one client connection. The gateway implements it per connection;
/// its grain reference is what player and room grains hold. Every call is one-way: a slow or dead connection
/// never holds up the grain that pushes.
/// </summary>
public interface IPlayerObserver : IGrainObserver
{
    /// <summary>Delivers the room's snapshot of one tick.</summary>
    [OneWay]
    Task OnSnapshotAsync(Snapshot snapshot);

    /// <summary>Delivers the full room state when a reconnect resumes a seat.</summary>
    [OneWay]
    Task OnRoomStateAsync(JoinResult state);

    /// <summary>Delivers a ping from the player's ping service.</summary>
    [OneWay]
    Task OnPingAsync(Ping ping);

    /// <summary>Delivers a chat line of the player's room.</summary>
    [OneWay]
    Task OnChatAsync(ChatMessage message);

    /// <summary>Delivers a room event.</summary>
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

using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// One room (key: room code): the arena simulation, the 20 Hz tick that pushes snapshots to the members'
/// observers, the round lifecycle, seat holds and a checkpoint for hand-over.
/// </summary>
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>Opens the room (called once, by the matchmaker that chose its code).</summary>
    Task OpenAsync(bool isPrivate);

    /// <summary>
    /// Seats a player; refused with <c>room_full</c> or <c>room_not_found</c>. Its snapshots go through
    /// <paramref name="gateway"/> when there is one, else to <paramref name="observer"/>.
    /// </summary>
    Task<JoinOutcome> JoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null);

    /// <summary>
    /// Gives a seated player its connection back (a reconnect within the hold); the room state to push,
    /// or null when the seat is gone.
    /// </summary>
    Task<JoinResult?> ResumeAsync(string playerId, IPlayerObserver observer, IGatewayObserver? gateway = null);

    /// <summary>The player's connection is gone: the seat is held, standing still, for the reconnect window.</summary>
    Task SetAwayAsync(string playerId);

    /// <summary>Releases the player's seat.</summary>
    Task LeaveAsync(string playerId);

    /// <summary>A steering input, already validated by the gateway; the room checks membership and sequence.</summary>
    [OneWay]
    Task InputAsync(string playerId, InputMessage input);

    /// <summary>A chat line, already validated by the gateway; relayed to every member.</summary>
    [OneWay]
    Task ChatAsync(string playerId, string text);

    /// <summary>The player's smoothed round-trip time, shown in snapshots.</summary>
    [OneWay]
    Task ReportRttAsync(string playerId, int rttMs);

    /// <summary>The room as the room list shows it.</summary>
    Task<RoomInfo> GetInfoAsync();
}

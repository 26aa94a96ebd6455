using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// One room (key: room code): hosts a registered game mode. Runs its fixed-rate tick with the batch of messages
/// that arrived since the last one, pushes the mode's state and messages to the members' connections, holds seats
/// for reconnects and writes the checkpoint that hands the room over to another silo.
/// </summary>
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>
    /// Seats a player; refused with <c>room_full</c>, <c>room_not_found</c>, <c>room_in_progress</c> or the mode's
    /// own code. Its state goes through <paramref name="gateway"/> when there is one, else to <paramref name="observer"/>.
    /// A room not open yet is opened with <paramref name="open"/> (a matchmaker's offer of a new room) when given.
    /// </summary>
    Task<JoinOutcome> JoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null, RoomSpec? open = null);

    /// <summary>
    /// Gives a seated player its connection back (a reconnect within the hold); the seat to push as <c>RoomState</c>,
    /// or null when the seat is gone.
    /// </summary>
    Task<JoinedRoom?> ResumeAsync(string playerId, IPlayerObserver observer, IGatewayObserver? gateway = null);

    /// <summary>The player's connection is gone: the seat is held for the mode's seat hold.</summary>
    Task SetAwayAsync(string playerId);

    /// <summary>Releases the player's seat.</summary>
    Task LeaveAsync(string playerId);

    /// <summary>Releases the seat of a player an operator kicked for <paramref name="reason"/>; the room's recent events say so.</summary>
    Task RemoveAsync(string playerId, string reason);

    /// <summary>
    /// Messages of members connected through one gateway, in the order they arrived there; they join the next tick's
    /// batch. Answered as soon as they are queued, which is when the gateway sends what gathered meanwhile.
    /// </summary>
    Task DeliverAsync(InboundMessage[] messages);

    /// <summary>The player's smoothed round-trip time, which the mode sees as <c>Member.RttMs</c>.</summary>
    [OneWay]
    Task ReportRttAsync(string playerId, int rttMs);

    /// <summary>The room as the room list shows it.</summary>
    Task<RoomInfo> GetInfoAsync();

    /// <summary>The room as the operations console shows it; null when no room is open under this code.</summary>
    Task<RoomView?> InspectAsync();

    /// <summary>
    /// An operator closes the room: every member gets <c>Error{room_closed}</c> with <paramref name="reason"/> and
    /// loses the seat, and the room ends. False when no room is open under this code.
    /// </summary>
    Task<bool> CloseRoomAsync(string reason);

    /// <summary>
    /// An operator moves the room to the silo <paramref name="silo"/>: it writes its checkpoint and resumes there, as
    /// in a hand-over. False when no room is open under this code.
    /// </summary>
    Task<bool> MoveAsync(SiloAddress silo);
}

using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// The matchmaker of one mode and set of properties (key: <see cref="MatchmakerKeys.For"/>): its public rooms and
/// their occupancy, quick join, new rooms under fresh codes.
/// </summary>
public interface IMatchmakerGrain : IGrainWithStringKey
{
    /// <summary>Seats the player in the fullest public room with a free seat, or in a new one.</summary>
    Task<JoinOutcome> QuickJoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null);

    /// <summary>Opens a new room of this matchmaker's mode and properties under a fresh, unguessable code and returns the code.</summary>
    Task<string> CreateRoomAsync(bool isPrivate);

    /// <summary>A room reports its occupancy; one-way, so a room never waits on the matchmaker that may be waiting on it.</summary>
    [OneWay]
    Task ReportRoomAsync(RoomInfo room);

    /// <summary>A room was disposed.</summary>
    [OneWay]
    Task RemoveRoomAsync(string roomId);

    /// <summary>The public rooms, fullest first.</summary>
    Task<IReadOnlyList<RoomInfo>> ListRoomsAsync();
}

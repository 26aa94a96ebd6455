using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// One partition of the matchmaking of a mode and set of properties (key: <see cref="MatchmakerKeys.Partition"/>):
/// its rooms and their occupancy as the rooms report it, and the seats it has offered since. It only chooses: it
/// offers a room and the player's grain asks the room, which decides, so no partition ever waits for a room.
/// </summary>
public interface IMatchmakerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Offers the fullest public room with a seat not yet offered, or a new room to open; the seat is held for the
    /// player until the room reports it taken (or a few seconds pass).
    /// </summary>
    Task<SeatOffer> OfferSeatAsync();

    /// <summary>Offers a new room of this partition's mode and properties under a fresh, unguessable code.</summary>
    Task<SeatOffer> OfferNewRoomAsync(bool isPrivate);

    /// <summary>
    /// A room refused an offered seat with <paramref name="code"/> (full, started, gone): the partition stops offering it
    /// until it reports again, and in the same turn offers the next seat, in another room, or in a new room when
    /// <paramref name="newRoom"/> (the partition's view of its rooms has proved wrong more than once). One call, so the
    /// next offer can never be made before the refusal is known.
    /// </summary>
    Task<SeatOffer> OfferSeatAfterRefusalAsync(string roomId, string code, bool newRoom);

    /// <summary>A room refused an offered seat with <paramref name="code"/>: the partition stops offering it until it reports again.</summary>
    [OneWay]
    Task SeatRefusedAsync(string roomId, string code);

    /// <summary>A room reports its occupancy; one-way, so a room never waits on a matchmaker.</summary>
    [OneWay]
    Task ReportRoomAsync(RoomInfo room);

    /// <summary>A room was disposed: its reports that arrive after this (one-way messages may overtake each other) are ignored.</summary>
    [OneWay]
    Task RemoveRoomAsync(string roomId);

    /// <summary>The public rooms, fullest first.</summary>
    Task<IReadOnlyList<RoomInfo>> ListRoomsAsync();
}

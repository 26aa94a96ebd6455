using System.Collections.Concurrent;

namespace OrleansGame.BareHub;

/// <summary>The rooms (filled eight at a time, in order) and who sits where.</summary>
internal sealed class BareRooms
{
    /// <summary>Seats in a room, as in the game.</summary>
    public const int Capacity = 8;

    private readonly List<BareRoom> rooms = [];
    private readonly ConcurrentDictionary<string, (BareRoom Room, BareMember Member)> seats = new(StringComparer.Ordinal);
    private int nextRoom;

    /// <summary>The ping in flight: its sequence and when it was sent.</summary>
    public (long Seq, long SentAt) LastPing { get; set; }

    /// <summary>Seats the connection in the fullest room with a free seat, or a new one.</summary>
    public BareRoom Join(string connectionId, string playerId)
    {
        lock (rooms)
        {
            var room = rooms.Where(static r => r.Members.Count < Capacity).MaxBy(static r => r.Members.Count);
            if (room is null)
            {
                room = new BareRoom($"bare{nextRoom++}");
                rooms.Add(room);
            }

            var member = new BareMember(connectionId, playerId, 100 + (room.Members.Count * 100), 500);
            lock (room)
            {
                room.Members.Add(member);
            }

            seats[connectionId] = (room, member);
            return room;
        }
    }

    /// <summary>The connection's seat, if it has one.</summary>
    public BareMember? Find(string connectionId) => seats.TryGetValue(connectionId, out var seat) ? seat.Member : null;

    /// <summary>Frees the connection's seat and drops an emptied room.</summary>
    public void Leave(string connectionId)
    {
        if (!seats.TryRemove(connectionId, out var seat))
        {
            return;
        }

        lock (rooms)
        {
            lock (seat.Room)
            {
                seat.Room.Members.Remove(seat.Member);
                if (seat.Room.Members.Count == 0)
                {
                    rooms.Remove(seat.Room);
                }
            }
        }
    }

    /// <summary>The rooms now.</summary>
    public BareRoom[] All()
    {
        lock (rooms)
        {
            return [.. rooms];
        }
    }
}

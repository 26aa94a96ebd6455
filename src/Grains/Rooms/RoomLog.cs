using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// A room's recent events, as the operations console lists them: the last <see cref="Capacity"/>, the oldest dropped
/// as a new one comes, so it never grows whatever the room lives through.
/// </summary>
internal sealed class RoomLog
{
    /// <summary>How many events a room keeps.</summary>
    public const int Capacity = 50;

    private readonly Queue<RoomLogEntry> entries = new(Capacity);

    /// <summary>How many events the log holds.</summary>
    public int Count => entries.Count;

    /// <summary>Adds <paramref name="entry"/>, dropping the oldest when the log is full.</summary>
    public void Add(RoomLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entries.Count == Capacity)
        {
            entries.Dequeue();
        }

        entries.Enqueue(entry);
    }

    /// <summary>Replaces the events with <paramref name="restored"/> (oldest first), keeping the newest that fit.</summary>
    public void Restore(IEnumerable<RoomLogEntry> restored)
    {
        entries.Clear();
        foreach (var entry in restored)
        {
            Add(entry);
        }
    }

    /// <summary>The events, oldest first: what a checkpoint stores.</summary>
    public RoomLogEntry[] OldestFirst() => [.. entries];

    /// <summary>The events, newest first: what the console shows.</summary>
    public RoomLogEntry[] NewestFirst()
    {
        var list = OldestFirst();
        Array.Reverse(list);
        return list;
    }
}

using Microsoft.Extensions.Options;
using OrleansGame.Grains.Options;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The rooms open on this silo, against <see cref="RoomOptions.MaxPerSilo"/>: a new room takes a place only while
/// there is one; a room restored from its checkpoint always does (refusing it would lose its players' game).
/// </summary>
internal sealed class SiloRooms(IOptions<RoomOptions> options)
{
    private int open;

    /// <summary>The rooms open now.</summary>
    public int Open => Volatile.Read(ref open);

    /// <summary>Takes a place for a new room; false when the silo runs its maximum already.</summary>
    public bool TryOpen()
    {
        var max = options.Value.MaxPerSilo;
        var current = Volatile.Read(ref open);
        while (current < max)
        {
            var seen = Interlocked.CompareExchange(ref open, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Takes a place for a room restored from its checkpoint, even past the maximum.</summary>
    public void Restored() => Interlocked.Increment(ref open);

    /// <summary>Gives a room's place back (disposed or deactivated).</summary>
    public void Closed() => Interlocked.Decrement(ref open);
}

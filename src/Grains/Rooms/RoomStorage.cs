namespace OrleansGame.Grains.Rooms;

/// <summary>A room's persisted state in the <c>game</c> storage: whether it is open, and its last checkpoint.</summary>
[GenerateSerializer, Alias("game.RoomStorage")]
internal sealed class RoomStorage
{
    /// <summary>Whether a matchmaker opened this room and it has not been disposed since.</summary>
    [Id(0)]
    public bool Opened { get; set; }

    /// <summary>Everything needed to resume play, possibly on another silo (field 1 held the arena-only checkpoint of earlier releases).</summary>
    [Id(2)]
    public RoomCheckpoint? Checkpoint { get; set; }

    /// <summary>
    /// The activation that wrote this record: a write refused for its ETag is one of its own that landed late (a
    /// storage timeout whose command ran after all) when this is the writer, another activation's otherwise.
    /// </summary>
    [Id(3)]
    public Guid Writer { get; set; }
}

namespace OrleansGame.Grains.Rooms;

/// <summary>A room's persisted state in the <c>game</c> storage: whether it is open, and its last checkpoint.</summary>
[GenerateSerializer, Alias("game.RoomStorage")]
internal sealed class RoomStorage
{
    /// <summary>Whether the matchmaker opened this room and it has not been disposed since.</summary>
    [Id(0)]
    public bool Opened { get; set; }

    /// <summary>Everything needed to resume play, possibly on another silo.</summary>
    [Id(1)]
    public RoomCheckpoint? Checkpoint { get; set; }
}

namespace OrleansGame.Grains.Rooms;

/// <summary>An orb's exact position in a <see cref="RoomCheckpoint"/>.</summary>
/// <param name="X">The x coordinate.</param>
/// <param name="Y">The y coordinate.</param>
[GenerateSerializer, Immutable, Alias("game.OrbCheckpoint")]
internal sealed record OrbCheckpoint(
    [Id(0)] double X,
    [Id(1)] double Y);

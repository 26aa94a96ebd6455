namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>What a room is opened with.</summary>
/// <param name="Mode">The registered mode that runs it.</param>
/// <param name="IsPrivate">Whether it is joined by code only.</param>
/// <param name="Properties">The properties it was created with (the matchmaker's filter).</param>
/// <param name="Partition">The key of the matchmaker partition the room reports to; null for the mode's unpartitioned key.</param>
[GenerateSerializer, Immutable, Alias("game.RoomSpec")]
public sealed record RoomSpec(
    [property: Id(0)] string Mode,
    [property: Id(1)] bool IsPrivate,
    [property: Id(2)] IReadOnlyDictionary<string, string> Properties,
    [property: Id(3)] string? Partition = null);

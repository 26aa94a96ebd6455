namespace OrleansGame.Rooms;

/// <summary>What a new room is created with.</summary>
/// <param name="RoomId">The room's code.</param>
/// <param name="IsPrivate">Whether it is joined by code only.</param>
/// <param name="Properties">The properties it was created with.</param>
/// <param name="Seed">A random seed, for modes that draw deterministic numbers from their state.</param>
public sealed record RoomSetup(string RoomId, bool IsPrivate, IReadOnlyDictionary<string, string> Properties, ulong Seed);

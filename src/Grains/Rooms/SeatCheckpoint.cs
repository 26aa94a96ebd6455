using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Rooms;

/// <summary>A seat in a <see cref="RoomCheckpoint"/>.</summary>
/// <param name="PlayerId">The player's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="JoinedAt">When the player took the seat.</param>
/// <param name="RttMs">The last reported round-trip time.</param>
/// <param name="AwaySince">When the connection went away, if it did.</param>
/// <param name="Observer">The connection's observer reference, so pushes continue to it from any silo.</param>
/// <param name="Gateway">The connection's gateway, through which its state goes.</param>
[GenerateSerializer, Immutable, Alias("game.SeatCheckpoint")]
internal sealed record SeatCheckpoint(
    [Id(0)] string PlayerId,
    [Id(1)] string Name,
    [Id(2)] DateTimeOffset JoinedAt,
    [Id(3)] int RttMs,
    [Id(4)] DateTimeOffset? AwaySince,
    [Id(5)] IPlayerObserver? Observer,
    [Id(6)] IGatewayObserver? Gateway);

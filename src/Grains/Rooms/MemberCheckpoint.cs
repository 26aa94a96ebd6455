using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Rooms;

/// <summary>A seated player in a <see cref="RoomCheckpoint"/>.</summary>
/// <param name="PlayerId">The player's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="LastSeq">The last applied input sequence.</param>
/// <param name="RttMs">The last reported round-trip time.</param>
/// <param name="AwaySince">When the connection went away, if it did.</param>
/// <param name="Observer">The connection's observer reference, so pushes continue to it from any silo.</param>
/// <param name="X">The position's x coordinate.</param>
/// <param name="Y">The position's y coordinate.</param>
/// <param name="Dx">The steering intent's x component.</param>
/// <param name="Dy">The steering intent's y component.</param>
/// <param name="Score">Points in the current round.</param>
/// <param name="Gateway">The connection's gateway, through which its snapshots go (added later: null in older checkpoints).</param>
[GenerateSerializer, Immutable, Alias("game.MemberCheckpoint")]
internal sealed record MemberCheckpoint(
    [Id(0)] string PlayerId,
    [Id(1)] string Name,
    [Id(2)] long LastSeq,
    [Id(3)] int RttMs,
    [Id(4)] DateTimeOffset? AwaySince,
    [Id(5)] IPlayerObserver? Observer,
    [Id(6)] double X,
    [Id(7)] double Y,
    [Id(8)] double Dx,
    [Id(9)] double Dy,
    [Id(10)] int Score,
    [Id(11)] IGatewayObserver? Gateway = null);

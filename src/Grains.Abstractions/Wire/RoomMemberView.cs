using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A seated member as the operations console shows it: identity, connection state and round-trip time.</summary>
[GenerateSerializer, Immutable, Alias("game.RoomMemberView"), DataContract]
public sealed record RoomMemberView(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "name")] [Id(1)] string Name,
    [property: DataMember(Name = "joinedAt")] [Id(2)] DateTimeOffset JoinedAt,
    [property: DataMember(Name = "away")] [Id(3)] bool Away,
    [property: DataMember(Name = "awaySince")] [Id(4)] DateTimeOffset? AwaySince,
    [property: DataMember(Name = "rttMs")] [Id(5)] int RttMs);

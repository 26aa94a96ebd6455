namespace OrleansGame.Cluster.Tests.Infrastructure;

// Closing, Ping, the session, the profile and the leaderboard's rows are the shared records of src/Contracts; what is
// left here reads only part of a bigger message.

/// <summary>What the tests read of a snapshot (PROTOCOL.md field names, camelCase on the wire).</summary>
public sealed record SnapshotDto(string RoomId, long Tick, string Phase, IReadOnlyList<PlayerDto> Players);

/// <summary>A player in a snapshot.</summary>
public sealed record PlayerDto(string PlayerId, double X, double Y, int Score, bool Away);

/// <summary>The JoinResult / RoomState shape, as far as the tests need it.</summary>
public sealed record JoinResultDto(string RoomId, string PlayerId);

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>What the tests read of a snapshot (PROTOCOL.md field names, camelCase on the wire).</summary>
public sealed record SnapshotDto(string RoomId, long Tick, string Phase, IReadOnlyList<PlayerDto> Players);

/// <summary>A player in a snapshot.</summary>
public sealed record PlayerDto(string PlayerId, double X, double Y, int Score, bool Away);

/// <summary>The JoinResult / RoomState shape, as far as the tests need it.</summary>
public sealed record JoinResultDto(string RoomId, string PlayerId);

/// <summary>The Closing message.</summary>
public sealed record ClosingDto(string Reason, string Message);

/// <summary>The Ping message.</summary>
public sealed record PingDto(long Seq, long ServerTime);

/// <summary>The session answer of POST /api/sessions.</summary>
public sealed record SessionDto(string PlayerId, string Name, string Token);

/// <summary>The profile of GET /api/players/{id}.</summary>
public sealed record ProfileDto(string PlayerId, string Name, int GamesPlayed, int Wins, int BestScore, long TotalOrbs, DateTimeOffset CreatedAt);

/// <summary>A row of GET /api/leaderboard.</summary>
public sealed record LeaderboardRowDto(string PlayerId, string Name, int BestScore, int Wins, int GamesPlayed);

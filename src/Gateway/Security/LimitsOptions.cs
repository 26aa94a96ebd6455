using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Security;

/// <summary>Per client address limits; bound from the <c>Limits</c> section.</summary>
internal sealed class LimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Limits";

    /// <summary>Concurrent hub connections one address (an IPv6 /64) may hold. Default 50.</summary>
    [Range(1, 100_000)]
    public int MaxConnectionsPerAddress { get; set; } = 50;

    /// <summary>How long an address may not open a hub connection after one of its connections was closed for flooding. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FloodBackOff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Sessions one address may create per minute. Default 30.</summary>
    [Range(1, 100_000)]
    public int SessionsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Rooms one address may create per minute (a token bucket holding a minute's worth). Default 120: generous for many players behind one NAT, still bounded.</summary>
    [Range(1, 100_000)]
    public int RoomCreationsPerMinutePerAddress { get; set; } = 120;

    /// <summary>
    /// Requests one address may make per minute to the query endpoints (<c>/api/modes</c>, <c>/api/rooms</c>,
    /// <c>/api/leaderboard</c>, <c>/api/players/{id}</c>) together. Default 300: a lobby refreshing every 3 s uses 40.
    /// </summary>
    [Range(1, 1_000_000)]
    public int QueriesPerMinutePerAddress { get; set; } = 300;
}

using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Hubs;

/// <summary>
/// The per-connection token buckets of the gateway's own messages and the abuse thresholds of every bucket; bound from
/// <c>Gateway:RateLimits</c>.
/// </summary>
internal sealed class RateLimitOptions
{
    /// <summary><c>JoinRoom</c>, <c>CreateRoom</c> and <c>LeaveRoom</c> together, per second. Default 2.</summary>
    [Range(1, 10_000)]
    public int RoomPerSecond { get; set; } = 2;

    /// <summary>Room operations burst. Default 4.</summary>
    [Range(1, 10_000)]
    public int RoomBurst { get; set; } = 4;

    /// <summary><c>Pong</c> messages per second (pings come every 2 s, so this only stops floods). Default 5.</summary>
    [Range(1, 10_000)]
    public int PongPerSecond { get; set; } = 5;

    /// <summary><c>Pong</c> burst. Default 5.</summary>
    [Range(1, 10_000)]
    public int PongBurst { get; set; } = 5;

    /// <summary>
    /// Messages for a mode a connection may send per second without a bucket of their own: before it is seated, or of a
    /// type the room's mode does not declare (each is refused). Default 30. The types a mode declares have the limits
    /// of its message rules.
    /// </summary>
    [Range(1, 10_000)]
    public int MessagePerSecond { get; set; } = 30;

    /// <summary>The burst of those messages. Default 10.</summary>
    [Range(1, 10_000)]
    public int MessageBurst { get; set; } = 10;

    /// <summary>Messages SignalR could not bind, tolerated per second before they count as a flood at <see cref="FloodFactor"/> times. Default 1.</summary>
    [Range(1, 10_000)]
    public int MalformedPerSecond { get; set; } = 1;

    /// <summary>A connection sending this many times a limit within one second is closed with <c>flood</c>. Default 5.</summary>
    [Range(2, 1000)]
    public int FloodFactor { get; set; } = 5;

    /// <summary>A connection over its limits for this long without a break of a second is closed with <c>flood</c>. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FloodAfter { get; set; } = TimeSpan.FromSeconds(5);
}

using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Hubs;

/// <summary>The per-connection token buckets and abuse thresholds; bound from <c>Gateway:RateLimits</c>.</summary>
internal sealed class RateLimitOptions
{
    /// <summary><c>Input</c> messages per second. Default 30.</summary>
    [Range(1, 10_000)]
    public int InputPerSecond { get; set; } = 30;

    /// <summary><c>Input</c> burst. Default 10.</summary>
    [Range(1, 10_000)]
    public int InputBurst { get; set; } = 10;

    /// <summary><c>Chat</c> messages per second. Default 1.</summary>
    [Range(1, 10_000)]
    public int ChatPerSecond { get; set; } = 1;

    /// <summary><c>Chat</c> burst. Default 3.</summary>
    [Range(1, 10_000)]
    public int ChatBurst { get; set; } = 3;

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

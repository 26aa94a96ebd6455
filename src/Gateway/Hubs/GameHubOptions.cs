using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Hubs;

/// <summary>Per-connection settings of the game hub; bound from the <c>Gateway</c> section.</summary>
internal sealed class GameHubOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>Messages a connection may have waiting for its inbound service; beyond that they are dropped. Default 64.</summary>
    [Range(1, 10_000)]
    public int InboundQueueCapacity { get; set; } = 64;

    /// <summary>How often a connection renews its observer subscription with its player grain. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan ObserverRenewInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a closing connection waits for its player grain to note the detach. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan DetachTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest shutdown waits for connections to close after telling them <c>server_shutdown</c>. Default 5 s (capped by the host's shutdown timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The per-connection token buckets (PROTOCOL.md defaults).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}

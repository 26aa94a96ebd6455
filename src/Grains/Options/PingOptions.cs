using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Grains.Options;

/// <summary>The player's ping service; bound from the <c>Ping</c> configuration section.</summary>
public sealed class PingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Ping";

    /// <summary>How often a ping is sent to the connection. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long without a pong before the connection is closed with <c>ping_timeout</c>. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.02", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

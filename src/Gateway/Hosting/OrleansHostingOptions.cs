namespace OrleansGame.Gateway.Hosting;

/// <summary>How the gateway reaches the cluster; bound from the <c>Orleans</c> section.</summary>
internal sealed class OrleansHostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orleans";

    /// <summary><see cref="OrleansMode.Standalone"/> (default) co-hosts a silo; <see cref="OrleansMode.Client"/> joins a cluster.</summary>
    public OrleansMode Mode { get; set; } = OrleansMode.Standalone;

    /// <summary>The co-hosted silo's port (standalone only). Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The co-hosted silo's gateway port (standalone only). Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster id. Default <c>dev</c>.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>The service id. Default <c>orleans-game</c>.</summary>
    public string ServiceId { get; set; } = "orleans-game";

    /// <summary>
    /// How often a client-mode gateway reads the silos' gateways from Redis (client only). Default 1 minute, Orleans'
    /// own: a silo that joined meanwhile is used from the next read (one is made at once when no silo it knew is left).
    /// </summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a client-mode gateway that lost its connection to the cluster waits before it asks the cluster for its
    /// silos (client only); the wait doubles after each probe that fails, up to 10 seconds, until one is answered.
    /// Default 1 second: a call is what makes the Orleans client connect to a silo it knows.
    /// </summary>
    public TimeSpan ReconnectProbeInterval { get; set; } = TimeSpan.FromSeconds(1);
}

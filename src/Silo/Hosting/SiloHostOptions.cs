namespace OrleansGame.Silo.Hosting;

/// <summary>The silo's place in the cluster; bound from the <c>Orleans</c> section and validated at start.</summary>
internal sealed class SiloHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orleans";

    /// <summary>The cluster id; silos and gateways with the same id and service id form one cluster. Default <c>dev</c>.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>The service id; also part of the grain storage keys, so keep it stable across deployments. Default <c>orleans-game</c>.</summary>
    public string ServiceId { get; set; } = "orleans-game";

    /// <summary>The port silos talk to each other on. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (the gateways) connect to. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients reach this silo at: an IP address or a host name resolved at start
    /// (in a container, its service name). Default <c>127.0.0.1</c>.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface rather than on the advertised address alone (containers). Default false.</summary>
    public bool ListenOnAnyAddress { get; set; }
}

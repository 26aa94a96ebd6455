using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>
/// The smallest real cluster, for a test of its own: redis-server, one silo and one client-mode gateway as processes on
/// free loopback ports. Redis can be stopped and the silo killed under the gateway, and a second silo can join later;
/// everything is killed on dispose.
/// </summary>
public sealed class OneSiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);
    private readonly string clusterId = $"one-{Guid.NewGuid():N}";
    private IReadOnlyDictionary<string, string?> siloSettings = new Dictionary<string, string?>();

    private OneSiloCluster(RedisServer redis) => Redis = redis;

    /// <summary>The Redis server, until <see cref="StopRedisAsync"/>.</summary>
    public RedisServer? Redis { get; private set; }

    /// <summary>The silo process.</summary>
    public ChildProcess Silo { get; private set; } = null!;

    /// <summary>The silo that joined later (<see cref="StartSecondSiloAsync"/>), or null.</summary>
    public ChildProcess? SecondSilo { get; private set; }

    /// <summary>The gateway process.</summary>
    public ChildProcess Gateway { get; private set; } = null!;

    /// <summary>The gateway's game address (the API and the hub).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>A client for both.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(90) };

    /// <summary>
    /// Starts Redis, the silo (with <paramref name="siloSettings"/> on top of the defaults) and the gateway (with
    /// <paramref name="gatewaySettings"/>), each waited for with a bound.
    /// </summary>
    public static async Task<OneSiloCluster> StartAsync(
        IReadOnlyDictionary<string, string?>? siloSettings = null, IReadOnlyDictionary<string, string?>? gatewaySettings = null)
    {
        var cluster = new OneSiloCluster(await RedisServer.StartAsync());
        try
        {
            cluster.siloSettings = siloSettings ?? cluster.siloSettings;
            cluster.Silo = await cluster.StartSiloAsync("silo");
            await cluster.StartGatewayAsync(gatewaySettings ?? new Dictionary<string, string?>());
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a second silo in the cluster, with the first one's settings, and waits for it with a bound.</summary>
    public async Task<ChildProcess> StartSecondSiloAsync() => SecondSilo = await StartSiloAsync("silo2");

    /// <summary>Stops Redis (SIGKILL).</summary>
    public async Task StopRedisAsync()
    {
        if (Redis is { } redis)
        {
            Redis = null;
            await redis.DisposeAsync();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (SecondSilo is not null)
        {
            await SecondSilo.DisposeAsync();
        }

        await StopRedisAsync();
        Http.Dispose();
    }

    private async Task<ChildProcess> StartSiloAsync(string name)
    {
        var http = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = Redis!.ConnectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Dashboard__Url"] = "",
        };
        foreach (var (key, value) in siloSettings)
        {
            settings[key] = value;
        }

        var silo = ChildProcess.Start(name, "dotnet", [BuiltPrograms.SiloDll], settings, Path.GetDirectoryName(BuiltPrograms.SiloDll));
        await OrleansGame.Silo.Tests.Infrastructure.Http.WaitForOkAsync(Http, $"http://127.0.0.1:{http}/healthz", silo, StartBound);
        return silo;
    }

    private async Task StartGatewayAsync(IReadOnlyDictionary<string, string?> gatewaySettings)
    {
        var (gatewayHttp, gatewayOperations) = (FreePort.Next(), FreePort.Next());
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = Redis!.ConnectionString,
            ["Orleans__Mode"] = "Client",
            ["Orleans__ClusterId"] = clusterId,
            ["Auth__SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            ["Urls"] = $"http://127.0.0.1:{gatewayHttp}",
            ["Operations__Url"] = $"http://127.0.0.1:{gatewayOperations}",
        };
        foreach (var (key, value) in gatewaySettings)
        {
            settings[key] = value;
        }

        Gateway = ChildProcess.Start("gateway", "dotnet", [BuiltPrograms.GatewayDll], settings, Path.GetDirectoryName(BuiltPrograms.GatewayDll));
        await OrleansGame.Silo.Tests.Infrastructure.Http.WaitForOkAsync(Http, $"http://127.0.0.1:{gatewayOperations}/readyz", Gateway, StartBound);
        Url = new Uri($"http://127.0.0.1:{gatewayHttp}/");
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using OrleansGame.Grains;
using OrleansGame.Modes;
using StackExchange.Redis;

namespace OrleansGame.Silo.Hosting;

/// <summary>The cluster-mode silo: Redis clustering and grain storage, the room host with the shipped modes, health and dashboard.</summary>
internal static class SiloHostingExtensions
{
    /// <summary>The grain storage the game's grains persist to.</summary>
    public const string GameStorage = "game";

    /// <summary>The storage behind <see cref="GameStorage"/> for everything but player records: entries never expire.</summary>
    public const string DurableStorage = "game-durable";

    /// <summary>The storage behind <see cref="GameStorage"/> for player records: entries expire when idle.</summary>
    public const string GuestStorage = "game-guests";

    /// <summary>The section Orleans' <see cref="ClusterMembershipOptions"/> bind from.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>The health endpoint's path.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>
    /// Adds the silo: options from <c>Orleans</c>, <c>Dashboard</c>, <c>HostOptions</c> and <c>ConnectionStrings:redis</c>,
    /// all validated at start; Redis membership and the Redis grain storage <c>game</c>; the room host and the shipped
    /// modes (the arena, configured from <c>Arena</c>).
    /// </summary>
    public static WebApplicationBuilder AddGameSilo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SiloHostOptions>().BindConfiguration(SiloHostOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloHostOptions>, SiloHostOptionsValidator>();
        services.AddOptions<RedisConnectionOptions>()
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString(RedisConnectionOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisConnectionOptions>, RedisConnectionOptionsValidator>();
        services.AddOptions<DashboardHostOptions>().BindConfiguration(DashboardHostOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardHostOptions>, DashboardHostOptionsValidator>();
        services.AddOptions<GuestOptions>().BindConfiguration(GuestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GuestOptions>, GuestOptionsValidator>();
        services.AddOptions<HostOptions>().BindConfiguration(nameof(HostOptions)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostOptions>, ShutdownOptionsValidator>();

        // Orleans reads these when the silo starts, after the options above have been validated.
        services.AddOptions<ClusterOptions>().Configure<IOptions<SiloHostOptions>>((o, host) =>
            (o.ClusterId, o.ServiceId) = (host.Value.ClusterId, host.Value.ServiceId));
        services.AddOptions<EndpointOptions>().Configure<IOptions<SiloHostOptions>>((o, host) => ConfigureEndpoints(o, host.Value));
        // How fast a crashed silo is declared dead (Orleans' own options, e.g. Orleans:Membership:ProbeTimeout).
        services.AddOptions<ClusterMembershipOptions>().BindConfiguration(MembershipSection);
        services.AddOptions<RedisClusteringOptions>().Configure<IOptions<RedisConnectionOptions>>((o, redis) =>
            o.ConfigurationOptions = ParseRedis(redis.Value));

        var dashboard = builder.Configuration.GetSection(DashboardHostOptions.Section).Get<DashboardHostOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(_ => { });
            // One storage "game" for the grains, two Redis storages behind it: guest records expire when idle, the rest never.
            silo.AddRedisGrainStorage(DurableStorage, storage => storage.Configure<IOptions<RedisConnectionOptions>>((o, redis) =>
                o.ConfigurationOptions = ParseRedis(redis.Value)));
            silo.AddRedisGrainStorage(GuestStorage, storage => storage.Configure<IOptions<RedisConnectionOptions>, IOptions<GuestOptions>>((o, redis, guests) =>
                (o.ConfigurationOptions, o.EntryExpiry) = (ParseRedis(redis.Value), guests.Value.IdleExpiry)));
            silo.Services.AddKeyedSingleton<IGrainStorage>(GameStorage, static (provider, _) => new GuestExpiryGrainStorage(
                provider.GetRequiredKeyedService<IGrainStorage>(DurableStorage), provider.GetRequiredKeyedService<IGrainStorage>(GuestStorage)));
            silo.AddGameGrains().AddShippedModes();
            if (dashboard.Enabled)
            {
                silo.AddDashboard(o => o.CounterUpdateIntervalMs = dashboard.CounterUpdateIntervalMs);
            }
        });

        if (dashboard.Enabled && DashboardEndpoint.TryParse(dashboard.Url, out _))
        {
            // The dashboard gets its own listener next to the ones given by --urls (or Urls / ASPNETCORE_URLS).
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            builder.WebHost.UseUrls([.. (urls ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), dashboard.Url!]);
        }

        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        services.AddHostedService<SiloLifetimeReporter>();
        return builder;
    }

    /// <summary>Maps <c>/healthz</c>, and the Orleans dashboard on the dashboard URL's port alone.</summary>
    public static WebApplication MapGameSilo(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        var dashboard = app.Services.GetRequiredService<IOptions<DashboardHostOptions>>().Value;
        if (dashboard.Enabled && DashboardEndpoint.TryParse(dashboard.Url, out var port))
        {
            // RequireHost would match the Host header, which the client chooses; the listening port is the server's fact.
            app.UseMiddleware<DashboardPortMiddleware>(port.Value);
            app.MapOrleansDashboard().WithMetadata(DashboardEndpointMarker.Instance);
        }

        return app;
    }

    private static ConfigurationOptions ParseRedis(RedisConnectionOptions redis) =>
        ConfigurationOptions.Parse(redis.ConnectionString ?? throw new InvalidOperationException("ConnectionStrings:redis is not set."));

    private static void ConfigureEndpoints(EndpointOptions endpoints, SiloHostOptions host)
    {
        var advertised = IPAddress.TryParse(host.AdvertisedAddress, out var ip) ? ip : Resolve(host.AdvertisedAddress);
        endpoints.AdvertisedIPAddress = advertised;
        endpoints.SiloPort = host.SiloPort;
        endpoints.GatewayPort = host.GatewayPort;
        var listen = host.ListenOnAnyAddress ? IPAddress.Any : advertised;
        endpoints.SiloListeningEndpoint = new IPEndPoint(listen, host.SiloPort);
        endpoints.GatewayListeningEndpoint = new IPEndPoint(listen, host.GatewayPort);
    }

    private static IPAddress Resolve(string hostName) =>
        Dns.GetHostAddresses(hostName).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
        ?? throw new InvalidOperationException($"Orleans:AdvertisedAddress '{hostName}' does not resolve to an IPv4 address.");
}

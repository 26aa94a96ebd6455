using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansGame.Gateway.Connections;
using OrleansGame.Grains;
using OrleansGame.Modes;

namespace OrleansGame.Gateway.Hosting;

/// <summary>Registers the Orleans side of the gateway: a co-hosted silo or a cluster client.</summary>
internal static class GameClusterExtensions
{
    /// <summary>The grain storage the grains name (<c>[PersistentState(..., "game")]</c>).</summary>
    private const string GameStorage = "game";

    /// <summary>Adds the silo (standalone mode) or the client (client mode), as configured under <c>Orleans</c>.</summary>
    public static WebApplicationBuilder AddGameCluster(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        builder.Services.AddSingleton(TimeProvider.System);
        switch (options.Mode)
        {
            case OrleansMode.Standalone:
                builder.UseOrleans(silo =>
                {
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
                        .AddGameGrains()
                        .AddShippedModes();
                    // Orleans' own binary serializer instead of the default JSON (Newtonsoft, with type names): the state
                    // never leaves the process, and JSON was most of the cost of a player's write on every join.
                    silo.Services.AddKeyedSingleton<IGrainStorage>(GameStorage, static (provider, _) => new ProcessMemoryGrainStorage(
                        new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()), provider.GetRequiredService<IActivatorProvider>()));
                });
                break;
            case OrleansMode.Client:
                var redis = builder.Configuration.GetConnectionString("redis");
                if (string.IsNullOrWhiteSpace(redis))
                {
                    throw new InvalidOperationException(
                        "Orleans:Mode is Client but ConnectionStrings:redis is not set: the gateway needs the cluster's Redis to find its silos.");
                }

                if (options.ReconnectProbeInterval <= TimeSpan.Zero)
                {
                    throw new InvalidOperationException($"Orleans:ReconnectProbeInterval must be positive, not {options.ReconnectProbeInterval}.");
                }

                builder.UseOrleansClient(client => client
                    .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId))
                    .Configure<Orleans.Configuration.GatewayOptions>(o => o.GatewayListRefreshPeriod = options.GatewayListRefreshPeriod)
                    .UseRedisClustering(redis));
                builder.Services.AddSingleton<IClusterConnectionStatusObserver>(services =>
                    ActivatorUtilities.CreateInstance<ClusterConnectionWatcher>(services, options.ReconnectProbeInterval));
                break;
            default:
                throw new InvalidOperationException($"Orleans:Mode must be Standalone or Client, not {options.Mode}.");
        }

        return builder;
    }
}

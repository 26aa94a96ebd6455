using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using OrleansGame.Grains;
using OrleansGame.Modes;
using StackExchange.Redis;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// Two in-process silos whose grain storage <c>game</c> is a real Redis (as in cluster mode), so that state written
/// before a silo is killed is still there after, running the shipped modes; membership notices a dead silo within a
/// few seconds.
/// </summary>
public sealed class HandOverCluster : IAsyncDisposable
{
    private readonly RedisServer redis;
    private readonly InProcessTestCluster cluster;

    private HandOverCluster(RedisServer redis, InProcessTestCluster cluster)
    {
        this.redis = redis;
        this.cluster = cluster;
    }

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster => cluster;

    /// <summary>The Redis holding the grain storage.</summary>
    public RedisServer Redis => redis;

    /// <summary>The cluster's client.</summary>
    public IClusterClient Client => cluster.Client;

    /// <summary>Starts Redis and a two-silo cluster configured by <paramref name="settings"/> (e.g. <c>Arena:RoundDuration</c>).</summary>
    public static async Task<HandOverCluster> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var redis = await RedisServer.StartAsync();
        try
        {
            var builder = new InProcessTestClusterBuilder(2);
            builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(settings));
            builder.ConfigureSilo((_, silo) =>
            {
                silo.AddRedisGrainStorage("game", storage => storage.Configure(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString)));
                silo.AddGameGrains().AddShippedModes();
                silo.Services.Configure<ClusterMembershipOptions>(m =>
                {
                    m.ProbeTimeout = TimeSpan.FromSeconds(1);
                    m.NumMissedProbesLimit = 2;
                    m.NumVotesForDeathDeclaration = 1;
                    m.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                    m.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                });
            });
            var cluster = builder.Build();
            await cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(90));
            return new HandOverCluster(redis, cluster);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silo the grain is active on, or null when it is not active anywhere.</summary>
    public InProcessSiloHandle? HostOf(IAddressable grain)
    {
        var id = grain.GetGrainId();
        return cluster.TryGetGrainContext(id, out var context) && context.Address.SiloAddress is { } silo ? cluster.GetSiloForAddress(silo) : null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}

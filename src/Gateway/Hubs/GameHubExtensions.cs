using System.Text.Json.Serialization;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Payloads;

namespace OrleansGame.Gateway.Hubs;

/// <summary>Registers and maps the game hub and its per-connection machinery.</summary>
internal static class GameHubExtensions
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/game";

    /// <summary>The largest message a client may send (PROTOCOL.md: 4 KB); a larger one closes that connection.</summary>
    public const long MaximumReceiveMessageSize = 4 * 1024;

    /// <summary>Adds SignalR with the JSON and MessagePack protocols, the connection registry and the shutdown coordinator.</summary>
    public static WebApplicationBuilder AddGameHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GameHubOptions>().BindConfiguration(GameHubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration($"{GameHubOptions.Section}:{nameof(GameHubOptions.RateLimits)}")
            .ValidateDataAnnotations().ValidateOnStart();
        // A pending JoinRoom must not hold back the caller's pongs: SignalR dispatches a connection's calls one at a
        // time unless more may run at once. A client's whole burst of room calls, and one call besides, can be pending.
        // Order is kept: a hub method queues its message before it first awaits, and calls start in arrival order.
        builder.Services.AddOptions<HubOptions>().Configure<IOptions<RateLimitOptions>>(static (hub, limits) =>
            hub.MaximumParallelInvocationsPerClient = limits.Value.RoomBurst + 1);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
                hub.EnableDetailedErrors = false;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)
            .AddMessagePackProtocol(messagePack => messagePack.SerializerOptions = messagePack.SerializerOptions.WithResolver(
                // Modes' JSON (payloads, join results, states) as MessagePack values; everything else as before.
                CompositeResolver.Create([RawJsonFormatter.Instance], [messagePack.SerializerOptions.Resolver])));
        builder.Services.AddSingleton<IHubActivator<GameHub>, GameHubActivator>();
        builder.Services.RemoveAll<IHubProtocolResolver>();
        builder.Services.AddSingleton<IHubProtocolResolver, GameHubProtocolResolver>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<PlayerConnectionFactory>();
        builder.Services.AddSingleton<HubConnections>();
        builder.Services.AddSingleton<GatewayFanout>();
        builder.Services.AddSingleton<RoomOutbox>();
        builder.Services.AddSingleton<ShutdownCoordinator>();
        builder.Services.AddHostedService(static services => services.GetRequiredService<ShutdownCoordinator>());
        return builder;
    }

    /// <summary>Maps the hub at <see cref="Path"/>.</summary>
    public static WebApplication MapGameHub(this WebApplication app)
    {
        app.MapHub<GameHub>(Path);
        return app;
    }
}

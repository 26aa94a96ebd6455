using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansGame.Grains.Matchmaking;
using OrleansGame.Grains.Modes;
using OrleansGame.Grains.Observability;
using OrleansGame.Grains.Options;
using OrleansGame.Grains.Rooms;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Grains;

/// <summary>Registers the room host, its grains and the game modes it runs on a silo.</summary>
public static class GameSiloBuilderExtensions
{
    /// <summary>
    /// Adds what the grains need: the mode registry, the <c>Ping</c>, <c>Matchmaking</c> and <c>Rooms</c> options bound from
    /// configuration and validated at start, and <see cref="TimeProvider.System"/> unless a time provider is already registered. The host adds the
    /// grain storage named <c>game</c> (memory in standalone mode and tests, Redis in a cluster) and at least one mode
    /// with <see cref="AddGameMode{TMode}"/>.
    /// </summary>
    public static ISiloBuilder AddGameGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddGrainMetrics();
        services.TryAddSingleton<GameModeRegistry>();
        services.TryAddSingleton<MatchmakingPartitions>();
        services.TryAddSingleton<SiloRooms>();
        services.AddOptions<PingOptions>().BindConfiguration(PingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PingOptions>, PingOptionsValidator>());
        services.AddOptions<MatchmakingOptions>().BindConfiguration(MatchmakingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MatchmakingOptions>, MatchmakingOptionsValidator>());
        services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoomOptions>, RoomOptionsValidator>());
        return builder;
    }

    /// <summary>
    /// Registers the game mode <typeparamref name="TMode"/> under <paramref name="name"/>: rooms can be created for it,
    /// and the first mode registered is the one a join without a mode gets. The mode is a singleton built by the
    /// container (unless one is registered already), so its constructor may take options and services.
    /// </summary>
    public static ISiloBuilder AddGameMode<TMode>(this ISiloBuilder builder, string name)
        where TMode : class, IHostedMode
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.TryAddSingleton<TMode>();
        builder.Services.AddSingleton(new ModeRegistration(name, static services => services.GetRequiredService<TMode>()));
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansGame.Grains.Observability;
using OrleansGame.Grains.Options;

namespace OrleansGame.Grains;

/// <summary>Registers the game's grains and their options on a silo.</summary>
public static class GameSiloBuilderExtensions
{
    /// <summary>
    /// Adds what the game's grains need: the <c>Arena</c> and <c>Ping</c> options bound from configuration and
    /// validated at start, and <see cref="TimeProvider.System"/> unless a time provider is already registered.
    /// The host adds the grain storage named <c>game</c> (memory in standalone mode and tests, Redis in a cluster).
    /// </summary>
    public static ISiloBuilder AddGameGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddGrainMetrics();
        services.AddOptions<ArenaOptions>().BindConfiguration(ArenaOptions.SectionName).ValidateOnStart();
        services.AddOptions<PingOptions>().BindConfiguration(PingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArenaOptions>, ArenaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArenaOptions>, ArenaGeometryValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PingOptions>, PingOptionsValidator>());
        return builder;
    }
}

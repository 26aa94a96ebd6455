using Microsoft.Extensions.DependencyInjection;

namespace OrleansGame.Grains;

/// <summary>Registers the game's grains and their options on a silo.</summary>
public static class GameSiloBuilderExtensions
{
    /// <summary>
    /// Adds what the game's grains need (options bound from configuration, the time provider). The host adds the
    /// grain storage named <c>game</c> (memory in standalone mode and tests, Redis in a cluster).
    /// </summary>
    public static ISiloBuilder AddGameGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}

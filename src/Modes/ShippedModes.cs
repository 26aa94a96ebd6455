using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansGame.Arena;
using OrleansGame.Grains;

namespace OrleansGame.Modes;

/// <summary>Registers the game modes this repository ships on a silo.</summary>
public static class ShippedModes
{
    /// <summary>The name Orb Arena is registered under; the first mode registered, so the default one.</summary>
    public const string ArenaName = "arena";

    /// <summary>
    /// Adds Orb Arena as <c>arena</c>, the default mode: its <see cref="ArenaOptions"/> bound from the <c>Arena</c>
    /// configuration section and validated at start, and the mode built from them. The room host that runs it comes
    /// from <see cref="GameSiloBuilderExtensions.AddGameGrains"/>.
    /// </summary>
    public static ISiloBuilder AddShippedModes(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ArenaOptions>().BindConfiguration(ArenaOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArenaOptions>, ArenaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArenaOptions>, ArenaGeometryValidator>());

        // The mode takes its options' values rather than IOptions, which keeps the arena free of the options pattern
        // in its constructor; registered first, it is the instance AddGameMode resolves.
        services.TryAddSingleton(static sp => new ArenaMode(sp.GetRequiredService<IOptions<ArenaOptions>>().Value));
        return builder.AddGameMode<ArenaMode>(ArenaName);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansGame.Arena;
using OrleansGame.FourInARow;
using OrleansGame.Grains;

namespace OrleansGame.Modes;

/// <summary>Registers the game modes this repository ships on a silo.</summary>
public static class ShippedModes
{
    /// <summary>The name Orb Arena is registered under; the first mode registered, so the default one.</summary>
    public const string ArenaName = "arena";

    /// <summary>The name Four in a Row is registered under.</summary>
    public const string FourInARowName = "four-in-a-row";

    /// <summary>
    /// Adds Orb Arena as <c>arena</c>, the default mode, and Four in a Row as <c>four-in-a-row</c>: each one's options
    /// bound from its configuration section (<c>Arena</c>, <c>FourInARow</c>) and validated at start, and the mode built
    /// from them. The room host that runs them comes from <see cref="GameSiloBuilderExtensions.AddGameGrains"/>.
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

        services.AddOptions<FourInARowOptions>().BindConfiguration(FourInARowOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FourInARowOptions>, FourInARowOptionsValidator>());
        services.TryAddSingleton(static sp => new FourInARowMode(sp.GetRequiredService<IOptions<FourInARowOptions>>().Value));
        return builder.AddGameMode<ArenaMode>(ArenaName).AddGameMode<FourInARowMode>(FourInARowName);
    }
}

using System.Reflection;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Rooms.Tests;

/// <summary>
/// The platform's rule, checked on the compiled assemblies: the core (room API, room host, gateway, silo) names no
/// mode's types, and a mode sees neither Orleans nor the web.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] Core =
    [
        "OrleansGame.Rooms", "OrleansGame.Cancellable", "OrleansGame.Contracts", "OrleansGame.Grains.Abstractions",
        "OrleansGame.Grains", "OrleansGame.Gateway", "OrleansGame.Silo",
    ];

    private static readonly string[] Modes = ["OrleansGame.Arena", "OrleansGame.FourInARow"];

    public static TheoryData<string> CoreAssemblies => [.. Core];

    public static TheoryData<string> ModeAssemblies => [.. Modes];

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void CoreAssembly_ReferencesNoModeAssembly(string core)
    {
        var references = Assembly.Load(core).GetReferencedAssemblies().Select(static r => r.Name);

        Assert.Empty(references.Intersect(Modes));
    }

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void CoreAssembly_DefinesNoGameMode(string core)
    {
        Assert.DoesNotContain(Assembly.Load(core).GetTypes(), IsGameMode);
    }

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void CoreAssembly_DeclaresNoTypeOfAMode(string core)
    {
        // A mode's wire records belong to the mode (src/Arena.Contracts), even those its clients share.
        Assert.DoesNotContain(Assembly.Load(core).GetTypes(), static t => Modes.Any(m => t.Namespace?.StartsWith(m, StringComparison.Ordinal) == true));
    }

    [Theory]
    [MemberData(nameof(ModeAssemblies))]
    public void ModeAssembly_DefinesAModeAndReferencesNeitherOrleansNorTheWeb(string mode)
    {
        var assembly = Assembly.Load(mode);
        var references = assembly.GetReferencedAssemblies().Select(static r => r.Name!).ToList();

        Assert.Contains(assembly.GetTypes(), IsGameMode);
        Assert.Contains("OrleansGame.Rooms", references);

        // A mode builds on the room API alone: no other mode, and nothing of the core beneath the API.
        Assert.DoesNotContain(references, r => Modes.Contains(r));
        Assert.DoesNotContain(references, static r => r is "OrleansGame.Cancellable" or "OrleansGame.Silo" or "OrleansGame.Modes");
        Assert.DoesNotContain(references, static r => r.StartsWith("Orleans.", StringComparison.Ordinal) || r.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.DoesNotContain(references, static r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, static r => r.StartsWith("OrleansGame.Grains", StringComparison.Ordinal) || r == "OrleansGame.Gateway");
    }

    private static bool IsGameMode(Type type) => !type.IsAbstract && typeof(IHostedMode).IsAssignableFrom(type);
}

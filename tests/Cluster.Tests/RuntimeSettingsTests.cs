using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansGame.Cluster.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// The programs run with the runtime settings the benchmark's figures were measured with (docs/operations.md,
/// "Runtime settings"): no thread-pool spinning, from the runtimeconfig.json <c>dotnet</c> starts each built program
/// with; and a generation 0 budget of 64 MB, from the environment of the images and of the standalone launch profile
/// (the runtime reads that setting from the environment only).
/// </summary>
public sealed partial class RuntimeSettingsTests
{
    private const string Gen0Size = "0x4000000";

    public static TheoryData<string> Programs => [nameof(BuiltPrograms.GatewayDll), nameof(BuiltPrograms.SiloDll)];

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_RunsTheServerGcWithoutThreadPoolSpinning(string program)
    {
        var path = Path.ChangeExtension(BuiltPrograms.Existing(program), ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var settings = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, settings.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
        Assert.True(settings.GetProperty("System.GC.Server").GetBoolean());
    }

    [Theory]
    [InlineData("src/Gateway/Dockerfile")]
    [InlineData("src/Silo/Dockerfile")]
    public void Image_GivesGeneration0ABudgetOf64MB(string dockerfile)
    {
        var text = File.ReadAllText(Path.Combine(BuiltPrograms.RepositoryRoot, dockerfile));

        // The last stage's ENV, the one the running image has.
        var runtime = text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        Assert.Matches(Gen0SizeInEnv(), runtime);
    }

    [Fact]
    public void StandaloneLaunchProfile_GivesGeneration0ABudgetOf64MB()
    {
        var path = Path.Combine(BuiltPrograms.RepositoryRoot, "src/Gateway/Properties/launchSettings.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var profile = document.RootElement.GetProperty("profiles").GetProperty("standalone");

        Assert.Equal(Gen0Size, profile.GetProperty("environmentVariables").GetProperty("DOTNET_GCgen0size").GetString());
    }

    [GeneratedRegex(@"\nENV (?:[^\n]*\\\n)*[^\n]*\bDOTNET_GCgen0size=0x4000000\b")]
    private static partial Regex Gen0SizeInEnv();
}

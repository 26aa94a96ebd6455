using OrleansGame.LoadTest.Coordinator;
using OrleansGame.LoadTest.Tests.Infrastructure;

namespace OrleansGame.LoadTest.Tests;

/// <summary>The servers the tool starts run as the images run the programs: with a generation 0 budget of 64 MB.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string log = Path.Combine(Path.GetTempPath(), $"server-process-tests-{Guid.NewGuid():N}.log");

    [Fact]
    public async Task StartAsync_ADotnetServer_RunsWithTheDeployedGeneration0Budget()
    {
        await using var server = await ServerProcess.StartAsync(BenchPrograms.BareHubDll, new Dictionary<string, string>(), log, TimeSpan.FromSeconds(60));

        Assert.Contains($"{ServerProcess.Gen0SizeVariable}=0x4000000", EnvironmentOf(server.Pid));
    }

    [Fact]
    public async Task StartAsync_TheSettingGivenForTheRun_WinsOverTheDeployedOne()
    {
        // 0 is the runtime's default: how an A/B runs a build as it ran before the setting.
        var environment = new Dictionary<string, string> { [ServerProcess.Gen0SizeVariable] = "0" };
        await using var server = await ServerProcess.StartAsync(BenchPrograms.BareHubDll, environment, log, TimeSpan.FromSeconds(60));

        var variables = EnvironmentOf(server.Pid);
        Assert.Contains($"{ServerProcess.Gen0SizeVariable}=0", variables);
        Assert.DoesNotContain($"{ServerProcess.Gen0SizeVariable}=0x4000000", variables);
    }

    public void Dispose() => File.Delete(log);

    private static string[] EnvironmentOf(int pid) => File.ReadAllText($"/proc/{pid}/environ").Split('\0');
}

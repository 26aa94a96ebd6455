using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.LoadTest.Coordinator;
using OrleansGame.LoadTest.Tests.Infrastructure;

namespace OrleansGame.LoadTest.Tests;

/// <summary>
/// The servers the tool starts run as the images run the programs: with a generation 0 budget of 64 MB; and the bare
/// hub under the scheduling policy the gateway sets for itself.
/// </summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("server-process-tests-").FullName;

    [Fact]
    public async Task StartAsync_ADotnetServer_RunsWithTheDeployedGeneration0Budget()
    {
        await using var server = await ServerProcess.StartAsync(BenchPrograms.BareHubDll, new Dictionary<string, string>(), Log, TimeSpan.FromSeconds(60));

        Assert.Contains($"{ServerProcess.Gen0SizeVariable}=0x4000000", EnvironmentOf(server.Pid));
    }

    [Fact]
    public async Task StartAsync_TheSettingGivenForTheRun_WinsOverTheDeployedOne()
    {
        // 0 is the runtime's default: how an A/B runs a build as it ran before the setting.
        var environment = new Dictionary<string, string> { [ServerProcess.Gen0SizeVariable] = "0" };
        await using var server = await ServerProcess.StartAsync(BenchPrograms.BareHubDll, environment, Log, TimeSpan.FromSeconds(60));

        var variables = EnvironmentOf(server.Pid);
        Assert.Contains($"{ServerProcess.Gen0SizeVariable}=0", variables);
        Assert.DoesNotContain($"{ServerProcess.Gen0SizeVariable}=0x4000000", variables);
    }

    [Fact]
    public async Task StartAsync_ADotnetServer_RunsUnderTheDefaultPolicy()
    {
        await using var server = await ServerProcess.StartAsync(BenchPrograms.BareHubDll, new Dictionary<string, string>(), Log, TimeSpan.FromSeconds(60));
        await ServeAsync(server);

        Assert.All(SchedulingPolicies.Threads(server.Pid), thread => Assert.True(thread.Policy == SchedulingPolicies.Other, $"thread '{thread.Name}' runs policy {thread.Policy}"));
    }

    [Fact]
    public async Task StartAsync_TheBareHubOfARun_RunsEveryThreadUnderSchedBatch()
    {
        var options = LoadTestOptions.Parse(["pinned", "--targets", "bare", "--barehub-dll", BenchPrograms.BareHubDll]);

        await using var server = await new Topology(options, directory).StartAsync("bare", []);
        await ServeAsync(server);

        // Started under the policy, the process passes it to every thread it starts, the thread pool's later ones too.
        var threads = SchedulingPolicies.Threads(server.Pid);
        Assert.True(threads.Count > 5, $"{threads.Count} threads");
        Assert.All(threads, thread => Assert.True(thread.Policy == SchedulingPolicies.Batch, $"thread '{thread.Name}' runs policy {thread.Policy}"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Log => Path.Combine(directory, "server.log");

    // Requests at once, so that the thread pool grows while serving.
    private static async Task ServeAsync(ServerProcess server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        foreach (var response in await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/healthz", TestContext.Current.CancellationToken))))
        {
            response.Dispose();
        }
    }

    private static string[] EnvironmentOf(int pid) => File.ReadAllText($"/proc/{pid}/environ").Split('\0');
}

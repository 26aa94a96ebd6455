using System.Text.Json;
using OrleansGame.LoadTest.Tests.Infrastructure;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.LoadTest.Tests;

/// <summary>
/// The load test as its one command runs it (the coordinator, its generator processes, the servers it starts), with
/// few bots and short windows: what it reports must be what the bots really saw.
/// </summary>
public sealed class LoadToolTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);
    private readonly string output = Path.Combine(Path.GetTempPath(), $"loadtest-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task Ramp_TheGatewayThenTheBareHub_ReportsEveryLevelWithWhatTheBotsSaw()
    {
        var (exit, log) = await RunAsync("ramp", "--targets", "gateway,bare", "--steps", "8,16", "--warmup", "1", "--window", "3", "--max-minutes", "4",
            "--gateway-dll", BenchPrograms.GatewayDll, "--barehub-dll", BenchPrograms.BareHubDll);

        Assert.True(exit == 0, log);
        var windows = ReadWindows();
        Assert.Equal(["gateway 8", "gateway 16", "bare 8", "bare 16"], windows.Select(static w => $"{w.GetProperty("target").GetString()} {w.GetProperty("bots").GetInt32()}"));
        Assert.All(windows, AssertSane);
        var markdown = await File.ReadAllTextAsync(Directory.GetFiles(output, "results.md", SearchOption.AllDirectories).Single(), TestContext.Current.CancellationToken);
        Assert.Contains("ratio gateway / bare hub", markdown, StringComparison.Ordinal);
        Assert.Contains(markdown.Split('\n')[0], log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MessagePackBotsAgainstTheGateway_ReportsTheLevel()
    {
        var (exit, log) = await RunAsync("run", "--targets", "gateway", "--bots", "8", "--protocol", "msgpack", "--warmup", "1", "--window", "3", "--max-minutes", "3",
            "--gateway-dll", BenchPrograms.GatewayDll);

        Assert.True(exit == 0, log);
        var window = Assert.Single(ReadWindows());
        Assert.Equal("msgpack", window.GetProperty("protocol").GetString());
        AssertSane(window);
    }

    [Fact]
    public async Task Worker_ServerOffLoopback_IsRefused()
    {
        var (exit, log) = await RunAsync("worker", "--url", "http://192.0.2.1:5000/");

        Assert.Equal(2, exit);
        Assert.Contains("a worker needs --url of a loopback server", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ramp_BadOption_ExitsWithTheReasonAndTheUsage()
    {
        var (exit, log) = await RunAsync("ramp", "--targets", "bare", "--barehub-dll", BenchPrograms.BareHubDll, "--steps", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--steps and --bots take whole numbers of bots above 0", log, StringComparison.Ordinal);
        Assert.Contains("usage: LoadTest", log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    // Generous bounds: they catch a generator that stops counting, not a slow machine.
    private static void AssertSane(JsonElement window)
    {
        var bots = window.GetProperty("bots").GetInt32();
        var seconds = window.GetProperty("windowSeconds").GetDouble();
        var description = window.ToString();
        Assert.True(window.GetProperty("connected").GetInt32() == bots, description);
        Assert.InRange(window.GetProperty("snapshotsPerBotPerSecond").GetDouble(), 10, 22);
        Assert.InRange(window.GetProperty("tickRate").GetDouble(), 10, 22);
        Assert.True(window.GetProperty("ackSamples").GetInt64() >= bots * seconds * 10, description);
        var p50 = window.GetProperty("ackP50").GetDouble();
        var p99 = window.GetProperty("ackP99").GetDouble();
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= window.GetProperty("ackMax").GetDouble() && p99 < 2_000, description);
        Assert.True(window.GetProperty("inputsPerSecond").GetDouble() >= bots * 10, description);
        Assert.Empty(window.GetProperty("errors").EnumerateObject());
        Assert.Equal(0, window.GetProperty("disconnects").GetInt64());
        Assert.True(window.GetProperty("serverCpu").GetDouble() > 0, description);
        Assert.True(window.GetProperty("generatorCpu")[0].GetDouble() > 0, description);
        Assert.InRange(window.GetProperty("generatorLagP99").GetDouble(), 0, 1_000);
        // Measured from the bot's own WebSocket: present for every snapshot, so never NaN (which would fail the range).
        Assert.InRange(window.GetProperty("receiveToHandlerP99").GetDouble(), 0, 1_000);
        Assert.True(window.GetProperty("generatorLagMax").GetDouble() >= window.GetProperty("generatorLagP99").GetDouble(), description);
        Assert.True(window.GetProperty("generatorGcPauseMs").GetDouble() >= 0, description);
        // A snapshot of a room of bots is hundreds of bytes and an input tens: the server's socket counters must show both.
        Assert.True(window.GetProperty("bytesOutPerSecond").GetDouble() >= bots * 20 * 100, description);
        Assert.True(window.GetProperty("bytesInPerSecond").GetDouble() >= bots * 10 * 20, description);
    }

    private List<JsonElement> ReadWindows()
    {
        var path = Directory.GetFiles(output, "results.json", SearchOption.AllDirectories).Single();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("results").EnumerateArray().Select(static w => w.Clone())];
    }

    private async Task<(int Exit, string Log)> RunAsync(params string[] arguments)
    {
        await using var tool = ChildProcess.Start("loadtest", "dotnet", [BenchPrograms.LoadTestDll, .. arguments, "--out", output], new Dictionary<string, string?>());
        var exit = await tool.WaitForExitAsync(Bound);
        return (exit, tool.Output);
    }
}

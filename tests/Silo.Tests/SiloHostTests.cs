using System.Net;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Silo.Tests;

/// <summary>The silo program itself, run as a process: configuration checks, health, dashboard, graceful stop.</summary>
public sealed class SiloHostTests
{
    private static readonly string SiloDll = Path.Combine(AppContext.BaseDirectory, "OrleansGame.Silo.dll");

    [Fact]
    public async Task Start_WithoutRedisConnectionString_ExitsWithAClearMessage()
    {
        await using var silo = StartSilo(new Dictionary<string, string?> { ["ConnectionStrings__redis"] = null });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("ConnectionStrings:redis is not set", silo.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__redis=", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithInvalidPorts_ExitsNamingTheSetting()
    {
        await using var silo = StartSilo(new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = "127.0.0.1:1",
            ["Orleans__SiloPort"] = "70000",
        });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Orleans:SiloPort must be a port number", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WhenTheSiloRunsOnRedis_AnswersAndTheDashboardHasItsOwnPort()
    {
        await using var redis = await RedisServer.StartAsync();
        var httpPort = FreePort.Next();
        var dashboardPort = FreePort.Next();
        await using var silo = StartSilo(new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Orleans__ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Dashboard__Url"] = $"http://127.0.0.1:{dashboardPort}",
        }, "--urls", $"http://127.0.0.1:{httpPort}");
        using var http = new HttpClient();

        await Http.WaitForOkAsync(http, $"http://127.0.0.1:{httpPort}/healthz", silo, TimeSpan.FromSeconds(90));
        using var dashboard = await http.GetAsync($"http://127.0.0.1:{dashboardPort}/", TestContext.Current.CancellationToken);
        using var noDashboardOnHealthPort = await http.GetAsync($"http://127.0.0.1:{httpPort}/", TestContext.Current.CancellationToken);
        // Any client sets the Host header: naming the dashboard's port in it must not open the dashboard on the other port.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{httpPort}/");
        spoofed.Headers.Host = $"127.0.0.1:{dashboardPort}";
        using var noDashboardThroughHostHeader = await http.SendAsync(spoofed, TestContext.Current.CancellationToken);
        silo.Terminate();
        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noDashboardOnHealthPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noDashboardThroughHostHeader.StatusCode);
        Assert.Equal(0, exitCode);
        Assert.Contains("Silo started: cluster test-", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Silo stopping", silo.Output, StringComparison.Ordinal);
        Assert.Matches(@"Threads run under SCHED_BATCH: [1-9][0-9]* moved, 0 not", silo.Output);
    }

    private static ChildProcess StartSilo(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Dashboard__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in environment)
        {
            defaults[key] = value;
        }

        return ChildProcess.Start("silo", "dotnet", [SiloDll, .. arguments], defaults);
    }
}

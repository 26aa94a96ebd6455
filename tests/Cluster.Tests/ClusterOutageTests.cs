using System.Net;
using System.Text.Json;
using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// A client-mode gateway whose cluster fails under it, for real: Redis stopped, then the only silo killed. The HTTP API
/// answers the documented 503 <c>unavailable</c> problem, never an empty 500.
/// </summary>
public sealed class ClusterOutageTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Api_WhenRedisStopsAndThenTheSiloDies_Answers503UnavailableProblem()
    {
        var clusterId = $"outage-{Guid.NewGuid():N}";
        RedisServer? redis = await RedisServer.StartAsync();
        var (siloHttp, gatewayHttp, gatewayOperations) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        await using var silo = ChildProcess.Start("silo", "dotnet", [BuiltPrograms.SiloDll], new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Urls"] = $"http://127.0.0.1:{siloHttp}",
            ["Dashboard__Url"] = "",
        }, Path.GetDirectoryName(BuiltPrograms.SiloDll));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        try
        {
            await Http.WaitForOkAsync(http, $"http://127.0.0.1:{siloHttp}/healthz", silo, StartBound);
            await using var gateway = ChildProcess.Start("gateway", "dotnet", [BuiltPrograms.GatewayDll], new Dictionary<string, string?>
            {
                ["ConnectionStrings__redis"] = redis.ConnectionString,
                ["Orleans__Mode"] = "Client",
                ["Orleans__ClusterId"] = clusterId,
                ["Auth__SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
                ["Urls"] = $"http://127.0.0.1:{gatewayHttp}",
                ["Operations__Url"] = $"http://127.0.0.1:{gatewayOperations}",
            }, Path.GetDirectoryName(BuiltPrograms.GatewayDll));
            await Http.WaitForOkAsync(http, $"http://127.0.0.1:{gatewayOperations}/readyz", gateway, StartBound);
            var api = new Uri($"http://127.0.0.1:{gatewayHttp}/");
            using (var healthy = await http.GetAsync(new Uri(api, "api/leaderboard"), TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            }

            // Redis stopped: looking up a player reads grain storage, which fails on the silo.
            await redis.DisposeAsync();
            redis = null;
            using (var storageDown = await http.GetAsync(new Uri(api, $"api/players/{Guid.NewGuid():N}"), TestContext.Current.CancellationToken))
            {
                await AssertUnavailableAsync(storageDown, gateway);
            }

            // The only silo killed: no grain can answer at all.
            silo.Kill();
            await silo.WaitForExitAsync(TimeSpan.FromSeconds(30));
            using (var clusterGone = await http.GetAsync(new Uri(api, "api/leaderboard"), TestContext.Current.CancellationToken))
            {
                await AssertUnavailableAsync(clusterGone, gateway);
            }
        }
        finally
        {
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, ChildProcess gateway)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} '{body}'; gateway log:\n{gateway.Output}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }
}

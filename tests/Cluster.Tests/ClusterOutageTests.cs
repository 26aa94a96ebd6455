using System.Net;
using System.Text.Json;
using OrleansGame.Cluster.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// A client-mode gateway whose cluster fails under it, for real: Redis stopped, then the only silo killed. The HTTP API
/// answers the documented 503 <c>unavailable</c> problem, never an empty 500.
/// </summary>
public sealed class ClusterOutageTests
{
    [Fact]
    public async Task Api_WhenRedisStopsAndThenTheSiloDies_Answers503UnavailableProblem()
    {
        await using var cluster = await OneSiloCluster.StartAsync();
        var cancel = TestContext.Current.CancellationToken;
        using (var healthy = await cluster.Http.GetAsync(new Uri(cluster.Url, "api/leaderboard"), cancel))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        // Redis stopped: looking up a player reads grain storage, which fails on the silo.
        await cluster.StopRedisAsync();
        using (var storageDown = await cluster.Http.GetAsync(new Uri(cluster.Url, $"api/players/{Guid.NewGuid():N}"), cancel))
        {
            await AssertUnavailableAsync(storageDown, cluster);
        }

        // The only silo killed: no grain can answer at all.
        cluster.Silo.Kill();
        await cluster.Silo.WaitForExitAsync(TimeSpan.FromSeconds(30));
        using (var clusterGone = await cluster.Http.GetAsync(new Uri(cluster.Url, "api/leaderboard"), cancel))
        {
            await AssertUnavailableAsync(clusterGone, cluster);
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, OneSiloCluster cluster)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} '{body}'; gateway log:\n{cluster.Gateway.Output}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }
}

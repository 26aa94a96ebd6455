using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Security;

/// <summary>The anonymous query endpoints: only well-formed player ids reach a grain, unknown players do not linger, and each address is rate-limited.</summary>
[Collection(OwnHostsCollection.Name)]
public sealed class QueryEndpointLimitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Queries_OverThePerAddressLimit_Get429RateLimitedWithRetryAfter_AndSessionsAreCountedApart()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Limits:QueriesPerMinutePerAddress"] = "3" });
        var cancel = TestContext.Current.CancellationToken;

        using var rooms = await host.Http.GetAsync("/api/rooms", cancel);
        using var leaderboard = await host.Http.GetAsync("/api/leaderboard", cancel);
        using var player = await host.Http.GetAsync($"/api/players/{Guid.NewGuid():N}", cancel);
        using var refused = await host.Http.GetAsync("/api/rooms", cancel);
        using var session = await host.Http.PostAsJsonAsync("/api/sessions", new { name = "Counted apart" }, cancel);

        Assert.Equal(HttpStatusCode.OK, rooms.StatusCode);
        Assert.Equal(HttpStatusCode.OK, leaderboard.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, player.StatusCode);
        await SessionTests.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to come back");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    [Fact]
    public async Task Player_MalformedIds_Are404AndActivateNoGrain()
    {
        await using var host = await GatewayHost.StartAsync();
        var management = host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        string[] malformed = ["nobody", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdef0", "0123456789abcdef-123456789abcdef", new string('a', 64)];

        foreach (var playerId in malformed)
        {
            using var response = await host.Http.GetAsync($"/api/players/{playerId}", TestContext.Current.CancellationToken);
            await SessionTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        }

        var active = await ActiveKeysAsync(management);
        Assert.DoesNotContain(active, malformed.Contains);
    }

    [Fact]
    public async Task Player_UnknownWellFormedId_Is404AndItsGrainDeactivatesAtOnce()
    {
        await using var host = await GatewayHost.StartAsync();
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var playerId = Guid.NewGuid().ToString("N");
        var known = await host.CreateSessionAsync("Known");

        using var response = await host.Http.GetAsync($"/api/players/{playerId}", TestContext.Current.CancellationToken);

        await SessionTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        // Idle collection would take minutes; an unknown player's activation goes as soon as the lookup is answered.
        await Eventually.WaitAsync(() => ActiveKeysAsync(management), active => !active.Contains(playerId), Bound);
        // The statistics do list player grains: a registered player's is there.
        Assert.Contains(known.PlayerId, await ActiveKeysAsync(management));
    }

    private static async Task<HashSet<string>> ActiveKeysAsync(IManagementGrain management) =>
        [.. (await management.GetDetailedGrainStatistics()).Select(static grain => grain.GrainId.Key.ToString())];
}

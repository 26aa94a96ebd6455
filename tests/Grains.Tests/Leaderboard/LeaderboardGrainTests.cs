using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Leaderboard;

[Collection(GameClusterCollection.Name)]
public sealed class LeaderboardGrainTests(GameClusterFixture fixture)
{
    [Fact]
    public async Task Report_Rows_RanksByBestScoreThenWinsUpsertsAndPersists()
    {
        var leaderboard = fixture.Client.GetGrain<ILeaderboardGrain>(0);
        var tag = Guid.NewGuid().ToString("N")[..6];
        LeaderboardEntry Row(string who, int best, int wins) => new($"{who}-{tag}", who, best, wins, 10);

        await leaderboard.ReportAsync([Row("low", 900_000, 9), Row("tied-few-wins", 950_000, 1)]);
        await leaderboard.ReportAsync([Row("tied-more-wins", 950_000, 2), Row("low", 990_000, 3)]);
        await fixture.Cluster.DeactivateAsync(leaderboard).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var top = await leaderboard.GetTopAsync(3);

        Assert.Equal(["low", "tied-more-wins", "tied-few-wins"], top.Select(r => r.Name));
        Assert.Equal(990_000, top[0].BestScore);
        Assert.Single(await leaderboard.GetTopAsync(1));
        Assert.Empty(await leaderboard.GetTopAsync(0));
        Assert.Single(await leaderboard.GetTopAsync(1_000), r => r.PlayerId == $"low-{tag}");
    }
}

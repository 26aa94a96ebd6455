using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

public sealed class HostIsolationTests
{
    [Fact]
    public async Task Scrape_AnotherHostInTheSameProcess_IsNotCounted()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var scraped = await GatewayHost.StartAsync();
        await using var other = await GatewayHost.StartAsync();
        var before = PrometheusText.Parse(await scraped.Operations.GetStringAsync("/metrics", cancel));

        await using (var client = await other.ConnectNewPlayerAsync(WireProtocol.Json))
        {
            await client.CreateRoomAsync(isPrivate: true);
            await client.WaitForSnapshotAsync(_ => true);
        }

        var otherSaw = PrometheusText.Parse(await other.Operations.GetStringAsync("/metrics", cancel));
        var after = PrometheusText.Parse(await scraped.Operations.GetStringAsync("/metrics", cancel));
        Assert.True(otherSaw.Sum("orleansgame_connections_opened_total") >= 1, "the other host did not count its own connection");
        Assert.Equal(before.Sum("orleansgame_connections_opened_total"), after.Sum("orleansgame_connections_opened_total"));
        Assert.Equal(before.Sum("orleansgame_messages_received_total"), after.Sum("orleansgame_messages_received_total"));
        Assert.Equal(before.Sum("kestrel_active_connections"), after.Sum("kestrel_active_connections"));
    }
}

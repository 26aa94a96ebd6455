using OrleansGame.Client.Tests.Infrastructure;
using OrleansGame.Samples.ArenaBot;

namespace OrleansGame.Client.Tests;

/// <summary>samples/ArenaBot plays a real arena: it steers with inputs, receives snapshots and leaves without errors.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ArenaBotSampleTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task Bot_PlaysForItsTime_AndLeaves(GameProtocol protocol)
    {
        await using var client = fixture.Server.NewClient(protocol);

        var stats = await Bot.PlayAsync(client, "CsBot", TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.Matches("^[a-z0-9]{6}$", stats.RoomId);
        Assert.True(stats.Snapshots > 10, $"{stats.Snapshots} snapshots");
        Assert.True(stats.Inputs > 0, $"{stats.Inputs} inputs");
        Assert.Equal(0, stats.Errors);
        Assert.Null(client.CurrentRoom);
    }
}

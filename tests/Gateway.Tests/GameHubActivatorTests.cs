using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>The hub is made for each call by one activator for the process, not by SignalR's scoped one.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GameHubActivatorTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Activator_IsOneForEveryScope_AndMakesAHubPerCall()
    {
        var services = fixture.Host.App.Services;
        using var first = services.CreateScope();
        using var second = services.CreateScope();

        var activator = first.ServiceProvider.GetRequiredService<IHubActivator<GameHub>>();

        Assert.IsType<GameHubActivator>(activator);
        Assert.Same(activator, second.ServiceProvider.GetRequiredService<IHubActivator<GameHub>>());
        var hub = activator.Create();
        Assert.NotSame(hub, activator.Create());
        activator.Release(hub);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Calls_ThroughTheActivator_JoinAndAreAcked(WireProtocol protocol)
    {
        await using var player = await fixture.Host.ConnectNewPlayerAsync(protocol);
        await player.QuickJoinAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);

        for (var seq = 1; seq <= 5; seq++)
        {
            await player.SendInputAsync(seq, 1, 0);
        }

        await player.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == player.PlayerId && p.AckSeq == 5), Bound);
    }
}

using OrleansGame.Client.Tests.Infrastructure;

namespace OrleansGame.Client.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ClosingTests(GatewayFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task SecondConnection_OfThePlayer_ClosesTheFirstWithDuplicateSession(GameProtocol protocol)
    {
        await using var first = await fixture.Server.NewPlayerAsync(protocol);
        await using var second = fixture.Server.NewClient(protocol);
        var room = await first.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var closings = new Inbox<ClosingEventArgs>();
        var ends = new Inbox<Exception?>();
        var leaves = new Inbox<LeaveCause>();
        first.Closing += (_, closing) => closings.Add(closing);
        first.Disconnected += (_, error) => ends.Add(error);
        room.OnLeave(leaves.Add);

        second.UseSession(first.Session!);
        await second.ConnectAsync(Token);
        var closing = await closings.NextAsync();
        await ends.NextAsync();

        Assert.Equal(ClosingReason.DuplicateSession, closing.Reason);
        Assert.Equal("duplicate_session", closing.Code);
        Assert.True(closing.IsFinal);
        Assert.Equal(LeaveCause.Disconnected, await leaves.NextAsync());
        Assert.Same(closing, first.LastClosing);
        Assert.False(first.IsConnected);
        Assert.True(second.IsConnected);
    }

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task StoppingTheGateway_SendsServerShutdown(GameProtocol protocol)
    {
        var server = await GatewayServer.StartAsync();
        await using var client = await server.NewPlayerAsync(protocol, configure: options => options.Reconnect = false);
        var closings = new Inbox<ClosingEventArgs>();
        client.Closing += (_, closing) => closings.Add(closing);
        await client.JoinOrCreateAsync(cancellationToken: Token);

        var stopping = server.DisposeAsync().AsTask();
        var closing = await closings.NextAsync(timeout: TimeSpan.FromSeconds(30));
        await stopping.WaitAsync(TimeSpan.FromSeconds(90), Token);

        Assert.Equal(ClosingReason.ServerShutdown, closing.Reason);
        Assert.False(closing.IsFinal);
    }

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task UnansweredPings_CloseWithPingTimeout(GameProtocol protocol)
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["Ping:Interval"] = "00:00:00.2",
            ["Ping:Timeout"] = "00:00:02",
        });
        await using var client = await server.NewPlayerAsync(protocol, configure: options => options.AnswerPings = false);
        var closings = new Inbox<ClosingEventArgs>();
        client.Closing += (_, closing) => closings.Add(closing);

        await client.ConnectAsync(Token);
        var closing = await closings.NextAsync(timeout: TimeSpan.FromSeconds(20));

        Assert.Equal(ClosingReason.PingTimeout, closing.Reason);
        Assert.Equal("ping_timeout", closing.Code);
        Assert.False(closing.IsFinal);
    }
}

using OrleansGame.Client.Tests.Infrastructure;

namespace OrleansGame.Client.Tests;

[Collection(GatewayCollection.Name)]
public sealed class SessionTests(GatewayFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateSession_ThenRefresh_KeepsThePlayerWithFreshTokens()
    {
        await using var client = fixture.Server.NewClient(GameProtocol.Json);

        var session = await client.CreateSessionAsync("Alice", Token);
        var refreshed = await client.RefreshSessionAsync(Token);

        Assert.Equal("Alice", session.Name);
        Assert.Matches("^[0-9a-f]{32}$", session.PlayerId);
        Assert.Equal(session.PlayerId, refreshed.PlayerId);
        Assert.Same(refreshed, client.Session);
    }

    [Fact]
    public async Task CreateSession_WithABadName_ThrowsItsCode()
    {
        await using var client = fixture.Server.NewClient(GameProtocol.Json);

        var error = await Assert.ThrowsAsync<GameException>(() => client.CreateSessionAsync("no<tags>", Token));

        Assert.Equal("invalid_name", error.Code);
        Assert.Equal(400, error.Status);
        Assert.Null(client.Session);
    }

    [Fact]
    public async Task Queries_ReadTheSharedRecords()
    {
        await using var client = await fixture.Server.NewPlayerAsync(GameProtocol.Json);

        var modes = await client.ListModesAsync(Token);
        var player = await client.GetPlayerAsync(client.Session!.PlayerId, Token);
        var leaders = await client.GetLeaderboardAsync(5, Token);
        var unknown = await Assert.ThrowsAsync<GameException>(() => client.ListRoomsAsync("no-such-mode", Token));

        Assert.Contains(modes, mode => mode is { Name: "arena", IsDefault: true });
        Assert.Contains(modes, mode => mode.Name == "four-in-a-row");
        Assert.Equal(client.Session.Name, player.Name);
        Assert.True(leaders.Count <= 5);
        Assert.Equal("unknown_mode", unknown.Code);
    }

    [Fact]
    public async Task Connect_WithoutASession_SaysSo()
    {
        await using var client = fixture.Server.NewClient(GameProtocol.Json);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync(Token));
    }
}

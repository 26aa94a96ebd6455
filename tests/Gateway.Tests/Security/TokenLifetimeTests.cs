using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests.Security;

/// <summary>
/// Short-lived access tokens (they travel in URLs) with a long-lived refresh token that only buys new ones, so a
/// returning browser keeps its player.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenLifetimeTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task CreateSession_ByDefault_AccessTokenLivesAnHourAndARefreshTokenLivesThirtyDays()
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/sessions", new { name = "Short lived" }, TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = body.RootElement;

        Assert.InRange(root.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
        Assert.Equal(3, root.GetProperty("refreshToken").GetString()!.Split('.').Length);
        Assert.InRange(root.GetProperty("refreshExpiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
    }

    [Fact]
    public async Task Refresh_WithTheRefreshToken_SamePlayerWithFreshTokens()
    {
        var session = await SessionResponseAsync("Returning");

        var renewed = await RefreshAsync(session.RefreshToken);

        Assert.NotNull(renewed);
        Assert.Equal(session.PlayerId, renewed.PlayerId);
        Assert.Equal("Returning", renewed.Name);
        Assert.NotEqual(session.Token, renewed.Token);
        await using var client = new TestClient(Host.BuildConnection(renewed.Token, WireProtocol.Json), renewed);
        await client.Connection.StartAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Hub_WithARefreshToken_IsRefusedWith401()
    {
        var session = await SessionResponseAsync("No shortcut");
        await using var connection = Host.BuildConnection(session.RefreshToken, WireProtocol.Json, tokenInQuery: true);

        // The browser's way in: a WebSocket upgrade with the token in the query.
        var error = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("'401'", error.Message, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.RefreshToken);
        using var negotiate = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task Refresh_WithAnExpiredAccessToken_IsRefusedWith401()
    {
        var session = await SessionResponseAsync("Expired");
        var expired = GatewayHost.MintToken(session.PlayerId, DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-1));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", expired);
        using var response = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await SessionTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<SessionResponse> SessionResponseAsync(string name)
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/sessions", new { name }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionResponse>(TestContext.Current.CancellationToken))!;
    }

    private async Task<SessionResponse?> RefreshAsync(string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<SessionResponse>(TestContext.Current.CancellationToken) : null;
    }
}

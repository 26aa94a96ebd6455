using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class SessionTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task CreateSession_ValidName_ReturnsTokenAndRegistersPlayer()
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/sessions", new { name = "  Alice_01 " }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = body.RootElement;
        Assert.Equal("Alice_01", root.GetProperty("name").GetString());
        var playerId = root.GetProperty("playerId").GetString();
        Assert.False(string.IsNullOrEmpty(playerId));
        Assert.Equal(3, root.GetProperty("token").GetString()!.Split('.').Length);
        var expiresAt = root.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));

        using var profile = JsonDocument.Parse(await Host.Http.GetStringAsync($"/api/players/{playerId}", TestContext.Current.CancellationToken));
        Assert.Equal(playerId, profile.RootElement.GetProperty("playerId").GetString());
        Assert.Equal("Alice_01", profile.RootElement.GetProperty("name").GetString());
        foreach (var field in new[] { "gamesPlayed", "wins", "bestScore", "totalOrbs", "createdAt" })
        {
            Assert.True(profile.RootElement.TryGetProperty(field, out _), $"profile lacks {field}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abcdefghijklmnopqrstu")]
    [InlineData("bad\u0007name")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("\u3164")]
    [InlineData("Al\u3164ice")]
    [InlineData("\u2800\u2800")]
    [InlineData("rtl\u202Eoverride")]
    public async Task CreateSession_InvalidName_Returns400InvalidName(string name)
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/sessions", new { name }, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_name");
    }

    [Fact]
    public async Task CreateSession_DecomposedName_IsStoredInNfc()
    {
        var session = await Host.CreateSessionAsync("Zoe\u0308");

        Assert.Equal("Zo\u00EB", session.Name);
        var profile = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/players/{session.PlayerId}", TestContext.Current.CancellationToken);
        Assert.Equal("Zo\u00EB", profile.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CreateSession_MissingName_Returns400InvalidName()
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/sessions", new { }, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_name");
    }

    [Fact]
    public async Task CreateSession_WithBearerAndEmptyBody_ReturnsSamePlayerWithFreshToken()
    {
        var first = await Host.CreateSessionAsync("Refresher");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.Token);

        using var response = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = (await response.Content.ReadFromJsonAsync<SessionResponse>(TestContext.Current.CancellationToken))!;
        Assert.Equal(first.PlayerId, second.PlayerId);
        Assert.Equal("Refresher", second.Name);
        Assert.NotEqual(first.Token, second.Token);
        Assert.True(second.ExpiresAt >= first.ExpiresAt);
    }

    [Fact]
    public async Task CreateSession_WithBadBearer_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        using var response = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Hub_WithoutToken_IsRefusedWith401()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(Host.BaseAddress, "/hubs/game")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_WithTamperedToken_IsRefusedWith401()
    {
        var session = await Host.CreateSessionAsync();
        var parts = session.Token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        payload["sub"] = JsonSerializer.SerializeToElement("someone-else");
        var tampered = $"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";
        await using var connection = Host.BuildConnection(tampered, WireProtocol.Json);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_WithTokenSignedByAnotherKey_IsRefusedWith401()
    {
        var session = await Host.CreateSessionAsync();
        var forged = GatewayHost.MintToken(session.PlayerId, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), key: "another-key-another-key-another-key-123");
        await using var connection = Host.BuildConnection(forged, WireProtocol.Json);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_WithExpiredToken_IsRefusedWith401()
    {
        var session = await Host.CreateSessionAsync();
        var expired = GatewayHost.MintToken(session.PlayerId, DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-1));
        await using var connection = Host.BuildConnection(expired, WireProtocol.Json);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Theory]
    [InlineData("someone-else", GatewayHost.Issuer)]
    [InlineData(GatewayHost.Issuer, "someone-else")]
    public async Task Hub_WithTokenOfAnotherIssuerOrAudience_IsRefusedWith401(string issuer, string audience)
    {
        var session = await Host.CreateSessionAsync();
        var control = GatewayHost.MintToken(session.PlayerId, DateTime.UtcNow, DateTime.UtcNow.AddHours(1));
        var foreign = GatewayHost.MintToken(session.PlayerId, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), issuer: issuer, audience: audience);

        // The same token with the gateway's own issuer and audience is accepted: only the claim under test differs.
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(control));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(foreign));
        await using var connection = Host.BuildConnection(foreign, WireProtocol.Json);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Hub_WithTokenInQueryString_Connects(WireProtocol protocol)
    {
        var session = await Host.CreateSessionAsync();
        await using var connection = Host.BuildConnection(session.Token, protocol, tokenInQuery: true);

        await connection.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    public async Task Leaderboard_TopOutOfRange_Returns400(string top)
    {
        using var response = await Host.Http.GetAsync($"/api/leaderboard?top={top}", TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task Leaderboard_DefaultTop_ReturnsArray()
    {
        using var body = JsonDocument.Parse(await Host.Http.GetStringAsync("/api/leaderboard?top=10", TestContext.Current.CancellationToken));

        Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
        Assert.True(body.RootElement.GetArrayLength() <= 10);
    }

    [Fact]
    public async Task Player_Unknown_Returns404()
    {
        using var response = await Host.Http.GetAsync("/api/players/nobody-" + Guid.NewGuid().ToString("N"), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Health_ProcessAndCluster_AreUpAndReady()
    {
        using var health = await Host.Operations.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var ready = await Host.Operations.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<HttpStatusCode> NegotiateAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
    }

    private static byte[] Base64UrlDecode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Net;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Security;

/// <summary>
/// Health, readiness and metrics answer on the operations port only, whatever the Host header says (the dashboard too:
/// <c>DashboardTests</c>, since this fixture's gateway serves none).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OperationsPortTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/readyz")]
    [InlineData("/healthz")]
    public async Task OperationalEndpoint_AnswersOnTheOperationsPortAndIs404OnTheGamePort(string path)
    {
        var cancel = TestContext.Current.CancellationToken;

        using var game = await Host.Http.GetAsync(path, cancel);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, path);
        spoofed.Headers.Host = Host.Operations.BaseAddress!.Authority;
        using var throughHostHeader = await Host.Http.SendAsync(spoofed, cancel);

        Assert.Equal(HttpStatusCode.NotFound, game.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughHostHeader.StatusCode);
        using var operations = await Host.Operations.GetAsync(path, cancel);
        Assert.Equal(HttpStatusCode.OK, operations.StatusCode);
    }

    [Theory]
    [InlineData("/api/rooms")]
    [InlineData("/hubs/game/negotiate?negotiateVersion=1")]
    public async Task OperationsPort_DoesNotServeTheGame(string path)
    {
        using var response = await Host.Operations.PostAsync(path, content: null, TestContext.Current.CancellationToken);
        using var get = await Host.Operations.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }
}

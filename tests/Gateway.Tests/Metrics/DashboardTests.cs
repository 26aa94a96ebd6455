using System.Net;
using Microsoft.Extensions.Hosting;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// The Orleans dashboard of a standalone gateway: on in Development, off elsewhere unless enabled, and only ever on the
/// operations port. Gateways of their own, in a collection run alone: a host stopping while the metrics tests' gateway
/// runs would stop that gateway's metrics (both share the process's meters by name).
/// </summary>
[Collection(Collection)]
public sealed class DashboardTests
{
    public const string Collection = "dashboard";

    [Fact]
    public async Task Dashboard_InDevelopment_IsServedOnTheOperationsPortOnly()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var host = await GatewayHost.StartAsync(configure: static builder => builder.Environment.EnvironmentName = Environments.Development);

        using var dashboard = await host.Operations.GetAsync("/dashboard/", cancel);
        using var game = await host.Http.GetAsync("/dashboard/", cancel);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        spoofed.Headers.Host = host.Operations.BaseAddress!.Authority;
        using var throughHostHeader = await host.Http.SendAsync(spoofed, cancel);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", await dashboard.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, game.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughHostHeader.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    [InlineData("false", HttpStatusCode.NotFound)]
    public async Task Dashboard_OutsideDevelopment_IsServedOnlyWhenEnabled_AndMetricsAlways(string? enabled, HttpStatusCode expected)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:Enabled"] = enabled });

        using var dashboard = await host.Operations.GetAsync("/dashboard/", cancel);
        using var metrics = await host.Operations.GetAsync("/metrics", cancel);

        Assert.False(host.App.Environment.IsDevelopment());
        Assert.Equal(expected, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task Dashboard_InDevelopment_CanBeTurnedOff()
    {
        await using var host = await GatewayHost.StartAsync(
            new Dictionary<string, string?> { ["Dashboard:Enabled"] = "false" },
            static builder => builder.Environment.EnvironmentName = Environments.Development);

        using var dashboard = await host.Operations.GetAsync("/dashboard/", TestContext.Current.CancellationToken);

        Assert.True(host.App.Environment.IsDevelopment());
        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
    }
}

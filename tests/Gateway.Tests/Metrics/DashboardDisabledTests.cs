using System.Net;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// A gateway of its own with the dashboard off. Its own collection, run alone: a second host stopping while the
/// metrics tests' gateway runs would stop that gateway's metrics (both share the process's meters by name).
/// </summary>
[Collection(DashboardDisabledTests.Collection)]
public sealed class DashboardDisabledTests
{
    public const string Collection = "dashboard-disabled";

    [Fact]
    public async Task Dashboard_DisabledByConfiguration_IsNotServedButMetricsAre()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:Enabled"] = "false" });

        using var dashboard = await host.Operations.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        using var metrics = await host.Operations.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }
}

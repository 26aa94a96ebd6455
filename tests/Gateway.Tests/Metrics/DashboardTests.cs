using System.Net;

namespace OrleansGame.Gateway.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class DashboardTests(MetricsFixture fixture)
{
    [Fact]
    public async Task Dashboard_Standalone_ServesTheOrleansDashboard()
    {
        using var response = await fixture.Host.Operations.GetAsync("/dashboard/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

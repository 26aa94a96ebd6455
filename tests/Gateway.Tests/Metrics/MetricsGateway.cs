using System.Diagnostics;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// A gateway of one test's own, and scraping its <c>/metrics</c>: its counters start at zero and move only with that
/// test's traffic, so the test can assert exact amounts (a gateway shared with other tests moves under it).
/// </summary>
public sealed class MetricsGateway : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private MetricsGateway(GatewayHost host) => Host = host;

    public GatewayHost Host { get; }

    public static async Task<MetricsGateway> StartAsync() => new(await GatewayHost.StartAsync(new Dictionary<string, string?>
    {
        ["Limits:MaxConnectionsPerAddress"] = "1000",
        ["Limits:SessionsPerMinutePerAddress"] = "100000",
        ["Limits:FloodBackOff"] = "00:00:00",
    }));

    public async Task<PrometheusText> ScrapeAsync()
    {
        var text = await Host.Operations.GetStringAsync("/metrics").WaitAsync(DefaultWait);
        return PrometheusText.Parse(text);
    }

    /// <summary>
    /// Scrapes until <paramref name="condition"/> holds (the exporter and the counters catch up asynchronously); fails
    /// the test when it does not within the bound.
    /// </summary>
    public async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(DefaultWait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape))
            {
                return scrape;
            }

            Assert.True(Stopwatch.GetTimestamp() < deadline, $"/metrics did not show {what} within {DefaultWait.TotalSeconds} s");

            // Polling the endpoint: the exporter caches a scrape for a moment and counters move as the server works.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

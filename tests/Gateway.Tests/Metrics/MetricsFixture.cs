using System.Diagnostics;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>A gateway for the metrics tests, and scraping its <c>/metrics</c>.</summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private GatewayHost? _host;

    public GatewayHost Host => _host ?? throw new InvalidOperationException("the gateway has not started");

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(new Dictionary<string, string?>
    {
        ["Limits:MaxConnectionsPerAddress"] = "1000",
        ["Limits:SessionsPerMinutePerAddress"] = "100000",
        ["Limits:FloodBackOff"] = "00:00:00",
    });

    public async Task<PrometheusText> ScrapeAsync()
    {
        var text = await Host.Operations.GetStringAsync("/metrics").WaitAsync(DefaultWait);
        return PrometheusText.Parse(text);
    }

    /// <summary>
    /// Scrapes once no connection and no online player is left from a previous test: one still closing or going offline
    /// would move the counters of the next.
    /// </summary>
    public Task<PrometheusText> ScrapeWhenQuietAsync() =>
        ScrapeUntilAsync(s => s.Sum("orleansgame_connections_current") == 0 && s.Sum("orleansgame_players_online") == 0);

    /// <summary>Scrapes until <paramref name="condition"/> holds (the exporter and the counters catch up asynchronously), bounded.</summary>
    public async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? DefaultWait).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape))
            {
                return scrape;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                return scrape;
            }

            // Polling the endpoint: the exporter caches a scrape for a moment and counters move as the server works.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

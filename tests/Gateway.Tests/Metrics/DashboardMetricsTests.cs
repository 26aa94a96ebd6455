using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Observability;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// The Grafana dashboard (deploy/grafana/dashboards) queries only metrics the code exports: the names come from the
/// instruments our meters publish, turned into Prometheus names the way the exporter does, and that turning is checked
/// against a real scrape after some play. A renamed metric or a dashboard typo fails here.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class DashboardMetricsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EveryMetricTheDashboardQueries_IsExportedByTheCode()
    {
        var instruments = new ConcurrentDictionary<string, Instrument>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name is GatewayTelemetry.Name or GrainTelemetry.MeterName)
                {
                    instruments[instrument.Name] = instrument;
                }
            },
        };
        listener.Start();
        await using var gateway = await MetricsGateway.StartAsync();

        // Play, so that every instrument is made and most have values: two players in a room answering pings, and
        // one (refused) admin action.
        var alice = await gateway.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var aliceLease = alice;
        var bob = await gateway.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var bobLease = bob;
        var room = await alice.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        await bob.JoinAsync(room.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);
        using (var refused = await gateway.Host.Operations.PostAsync("/admin/api/leaderboard/reset", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var scrape = await gateway.ScrapeUntilAsync(s => s.Has("orleansgame_player_rtt_milliseconds_count") && s.Has("orleansgame_admin_actions_total"), "RTT and admin actions");
        var exported = instruments.Values.SelectMany(PrometheusNames).ToHashSet(StringComparer.Ordinal);

        var scraped = scrape.Samples.Select(static s => s.Name).Where(static n => n.StartsWith("orleansgame_", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(scraped);
        Assert.All(scraped, name => Assert.Contains(name, exported));

        var queried = DashboardMetricNames();
        Assert.True(queried.Count >= 10, $"the dashboard queries only {queried.Count} metrics");
        Assert.All(queried, name => Assert.True(exported.Contains(name), $"the dashboard queries {name}, which the code does not export"));
    }

    /// <summary>The series names the Prometheus exporter writes for <paramref name="instrument"/>.</summary>
    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_') + instrument.Unit switch
        {
            "ms" => "_milliseconds",
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Histogram<>))
        {
            return [name + "_bucket", name + "_sum", name + "_count"];
        }

        return type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? [name + "_total"] : [name];
    }

    private static HashSet<string> DashboardMetricNames()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OrleansGame.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root (OrleansGame.sln) was not found");
        }

        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "deploy", "grafana", "dashboards", "orleansgame.json")));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                foreach (Match match in MetricName().Matches(target.GetProperty("expr").GetString()!))
                {
                    names.Add(match.Value);
                }
            }
        }

        return names;
    }

    [GeneratedRegex(@"\borleansgame_[a-z0-9_]+")]
    private static partial Regex MetricName();
}

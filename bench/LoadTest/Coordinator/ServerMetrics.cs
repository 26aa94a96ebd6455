using System.Globalization;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>Reads one figure from the servers' Prometheus endpoints (a gateway's operations port, a silo's own).</summary>
internal static class ServerMetrics
{
    /// <summary>
    /// The sum of every series of <paramref name="name"/> at the <c>/metrics</c> of each of <paramref name="servers"/>
    /// that has one (a split target's figure is its gateway's and its silos' together); null when none has the figure.
    /// </summary>
    public static async Task<double?> SumAsync(HttpClient http, IEnumerable<ServerProcess> servers, string name)
    {
        double? total = null;
        foreach (var server in servers)
        {
            if (server.MetricsUri is { } uri && await SumAsync(http, uri, name) is { } value)
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }

    private static async Task<double?> SumAsync(HttpClient http, Uri server, string name)
    {
        string text;
        try
        {
            using var response = await http.GetAsync(new Uri(server, "/metrics"));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }

        double? total = null;
        foreach (var line in text.Split('\n'))
        {
            // name{labels} value [timestamp]
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var rest = line[name.Length] == '{' ? line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..] : line[name.Length..];
            if (double.TryParse(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }
}

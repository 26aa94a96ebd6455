using System.Globalization;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>Reads one figure from a server's Prometheus endpoint (the gateway's operations port).</summary>
internal static class ServerMetrics
{
    /// <summary>The sum of every series of <paramref name="name"/> at <paramref name="server"/>'s <c>/metrics</c>; null when the server has no such endpoint or figure.</summary>
    public static async Task<double?> SumAsync(HttpClient http, ServerProcess server, string name)
    {
        string text;
        try
        {
            using var response = await http.GetAsync(new Uri(server.MetricsUri, "/metrics"));
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

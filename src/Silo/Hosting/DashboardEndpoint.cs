using System.Diagnostics.CodeAnalysis;

namespace OrleansGame.Silo.Hosting;

/// <summary>Reads the dashboard URL; the dashboard's routes answer on that URL's port alone.</summary>
internal static class DashboardEndpoint
{
    /// <summary>Parses an absolute http URL that names its port (e.g. <c>http://+:8081</c>), or returns false.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out int? port)
    {
        port = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Kestrel's wildcard hosts (+, *) are not valid URI hosts; the port is what matters here.
        var normalized = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || !HasExplicitPort(normalized, uri) || uri.Port is < 1 or > 65535)
        {
            return false;
        }

        port = uri.Port;
        return true;
    }

    private static bool HasExplicitPort(string url, Uri uri) =>
        url.Contains($":{uri.Port}", StringComparison.Ordinal);
}

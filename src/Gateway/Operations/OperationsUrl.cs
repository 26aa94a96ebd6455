using System.Diagnostics.CodeAnalysis;

namespace OrleansGame.Gateway.Operations;

/// <summary>Reads the operations URL; what matters is its port, the one the operational endpoints answer on.</summary>
internal static class OperationsUrl
{
    /// <summary>Parses an absolute http URL that names its port (e.g. <c>http://+:8081</c>), or returns false.</summary>
    public static bool TryParsePort(string? url, [NotNullWhen(true)] out int? port)
    {
        port = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Kestrel's wildcard hosts (+, *) are not valid URI hosts.
        var normalized = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || !normalized.Contains($":{uri.Port}", StringComparison.Ordinal) || uri.Port is < 1 or > 65535)
        {
            return false;
        }

        port = uri.Port;
        return true;
    }
}

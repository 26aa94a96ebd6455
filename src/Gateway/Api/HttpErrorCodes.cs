namespace OrleansGame.Gateway.Api;

/// <summary>The stable codes of the gateway's own HTTP errors (the game's codes are in <c>ErrorCodes</c>).</summary>
internal static class HttpErrorCodes
{
    /// <summary>No token, or a bad or expired one (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>A browser request from an origin that is not allowed (403).</summary>
    public const string OriginNotAllowed = "origin_not_allowed";

    /// <summary>The client address holds too many hub connections (429).</summary>
    public const string TooManyConnections = "too_many_connections";

    /// <summary>The thing asked for does not exist (404).</summary>
    public const string NotFound = "not_found";

    /// <summary>The gateway cannot reach the cluster (503); also the invoke error when a grain call fails unexpectedly.</summary>
    public const string Unavailable = "unavailable";
}

namespace OrleansGame.Gateway.Security;

/// <summary>The reverse proxies whose <c>X-Forwarded-For</c> is trusted; bound from the <c>ForwardedHeaders</c> section.</summary>
internal sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies. Default: none, so the client address is the socket's peer.</summary>
    public IList<string> KnownProxies { get; } = [];
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace OrleansGame.Gateway.Hubs;

/// <summary>
/// Resolves the protocol a connection asked for, like SignalR's default resolver, but wraps it in a per-connection
/// <see cref="MalformedMessageProtocol"/> so calls that cannot be bound reach that connection's abuse limits.
/// </summary>
internal sealed class GameHubProtocolResolver(IEnumerable<IHubProtocol> protocols, IHttpContextAccessor httpContextAccessor) : IHubProtocolResolver
{
    private readonly IReadOnlyList<IHubProtocol> _protocols = [.. protocols];

    /// <inheritdoc/>
    public IReadOnlyList<IHubProtocol> AllProtocols => _protocols;

    /// <inheritdoc/>
    public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols)
    {
        if (supportedProtocols is not null && !supportedProtocols.Contains(protocolName, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var inner = _protocols.FirstOrDefault(p => string.Equals(p.Name, protocolName, StringComparison.OrdinalIgnoreCase));
        if (inner is null)
        {
            return null;
        }

        // The handshake runs in the flow of the connection's HTTP request, which the hub can reach again later.
        var wrapper = new MalformedMessageProtocol(inner);
        MalformedMessageProtocol.Remember(httpContextAccessor.HttpContext, wrapper);
        return wrapper;
    }
}

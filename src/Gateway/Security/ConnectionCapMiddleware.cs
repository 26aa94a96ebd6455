using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hubs;

namespace OrleansGame.Gateway.Security;

/// <summary>
/// Caps the concurrent hub connections per client address (429 <c>too_many_connections</c>). A hub connection is a
/// long-lived request (WebSocket or server-sent events), so it counts while its request runs; a negotiate request
/// is refused early when the address is already at the cap.
/// </summary>
internal sealed partial class ConnectionCapMiddleware(RequestDelegate next, IOptions<LimitsOptions> options, ILogger<ConnectionCapMiddleware> logger)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    /// <summary>Counts the request against its address when it is a hub connection.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(GameHubExtensions.Path, out var rest))
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var cap = options.Value.MaxConnectionsPerAddress;
        if (rest.StartsWithSegments("/negotiate"))
        {
            if (_open.GetValueOrDefault(address) >= cap)
            {
                await RefuseAsync(context, address);
                return;
            }

            await next(context);
            return;
        }

        if (_open.AddOrUpdate(address, 1, static (_, count) => count + 1) > cap)
        {
            Release(address);
            await RefuseAsync(context, address);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Release(address);
        }
    }

    private void Release(IPAddress address)
    {
        while (true)
        {
            var count = _open.GetValueOrDefault(address);
            if (count <= 1 ? _open.TryRemove(new KeyValuePair<IPAddress, int>(address, count)) : _open.TryUpdate(address, count - 1, count))
            {
                return;
            }
        }
    }

    private Task RefuseAsync(HttpContext context, IPAddress address)
    {
        LogTooManyConnections(logger, address);
        return GameProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, HttpErrorCodes.TooManyConnections,
            "this address holds too many game connections");
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Refused a hub connection from {Address}: at the per-address cap")]
    private static partial void LogTooManyConnections(ILogger logger, IPAddress address);
}

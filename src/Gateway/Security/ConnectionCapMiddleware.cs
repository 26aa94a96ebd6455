using System.Globalization;
using System.Net;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Security;

/// <summary>
/// Refuses early the hub requests that would open a connection (a negotiate, or a transport request without a
/// connection id) from an address at its cap (429 <c>too_many_connections</c>) or backing off after a flood close
/// (429 <c>rate_limited</c> with <c>Retry-After</c>). The count itself is the hub's (<see cref="AddressSlots"/>):
/// requests of a connection that is already open (a long poll, a WebSocket after negotiate) pass untouched.
/// </summary>
internal sealed partial class ConnectionCapMiddleware(RequestDelegate next, AddressSlots slots, ILogger<ConnectionCapMiddleware> logger)
{
    /// <summary>Checks a request that would open a hub connection against its address's slots.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(GameHubExtensions.Path, out var rest)
            && (rest.StartsWithSegments("/negotiate") || !context.Request.Query.ContainsKey("id"))
            && slots.Check(context.Connection.RemoteIpAddress) is { } refusal)
        {
            await RefuseAsync(context, refusal);
            return;
        }

        await next(context);
    }

    private Task RefuseAsync(HttpContext context, SlotRefusal refusal)
    {
        var address = AddressSlots.KeyOf(context.Connection.RemoteIpAddress);
        if (refusal.Kind == SlotRefusalKind.BackingOff)
        {
            LogBackingOff(logger, address);
            var seconds = (int)Math.Ceiling(refusal.RetryAfter!.Value.TotalSeconds);
            context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            return GameProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                "a connection from this address was closed for flooding; wait before connecting again");
        }

        LogTooManyConnections(logger, address);
        return GameProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, HttpErrorCodes.TooManyConnections,
            "this address holds too many game connections");
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Refused a hub connection from {Address}: at the per-address cap")]
    private static partial void LogTooManyConnections(ILogger logger, IPAddress address);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Refused a hub connection from {Address}: backing off after a flood close")]
    private static partial void LogBackingOff(ILogger logger, IPAddress address);
}

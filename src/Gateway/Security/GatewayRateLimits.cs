using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Api;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Security;

/// <summary>The HTTP rate limits per client address: session creation, and the query endpoints.</summary>
internal static class GatewayRateLimits
{
    /// <summary>The policy name for <c>POST /api/sessions</c>.</summary>
    public const string SessionsPolicy = "sessions";

    /// <summary>The policy name for the anonymous query endpoints under <c>/api</c>.</summary>
    public const string QueriesPolicy = "queries";

    /// <summary>Adds the rate limiter with both policies (429 problem+json <c>rate_limited</c> and <c>Retry-After</c> beyond them).</summary>
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SessionsPolicy, http => PerAddressPerMinute(http, static limits => limits.SessionsPerMinutePerAddress));
            limiter.AddPolicy(QueriesPolicy, http => PerAddressPerMinute(http, static limits => limits.QueriesPerMinutePerAddress));
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var what = context.HttpContext.Request.Path.StartsWithSegments("/api/sessions") ? "sessions" : "requests";
                return new ValueTask(GameProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    $"too many {what} from this address; try again later"));
            };
        });

    private static RateLimitPartition<IPAddress> PerAddressPerMinute(HttpContext http, Func<LimitsOptions, int> permits)
    {
        var perMinute = permits(http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value);
        // Keyed like the connection cap: an IPv6 client by its /64.
        return RateLimitPartition.GetFixedWindowLimiter(AddressSlots.KeyOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}

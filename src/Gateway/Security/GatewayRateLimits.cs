using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Api;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Security;

/// <summary>The HTTP rate limits: session creation per client address.</summary>
internal static class GatewayRateLimits
{
    /// <summary>The policy name for <c>POST /api/sessions</c>.</summary>
    public const string SessionsPolicy = "sessions";

    /// <summary>Adds the rate limiter with the sessions policy (429 problem+json <c>rate_limited</c> beyond it).</summary>
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SessionsPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.SessionsPerMinutePerAddress;
                return RateLimitPartition.GetFixedWindowLimiter(AddressSlots.KeyOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new ValueTask(GameProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    "too many sessions from this address; try again later"));
            };
        });
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansGame.Gateway.Security;

/// <summary>
/// Room creations per client address (<c>Limits:RoomCreationsPerMinutePerAddress</c>): a token bucket that holds a
/// minute's worth and refills evenly, so that one address with many connections (each with its player's own
/// cooldown) cannot keep opening rooms. A creation over it is refused with <c>rate_limited</c>.
/// </summary>
internal sealed class RoomCreationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> limiter;

    /// <summary>Creates the limiter with the configured rate.</summary>
    public RoomCreationLimiter(IOptions<LimitsOptions> options)
    {
        var perMinute = options.Value.RoomCreationsPerMinutePerAddress;
        limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one creation for <paramref name="address"/> (an IPv6 client by its /64); false when it is over its rate.</summary>
    public bool TryAcquire(IPAddress? address)
    {
        using var lease = limiter.AttemptAcquire(AddressSlots.KeyOf(address));
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();
}

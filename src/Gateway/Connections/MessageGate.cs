using System.Threading.RateLimiting;
using OrleansGame.Gateway.Hubs;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// One connection's token buckets and abuse detector. A message over its bucket is dropped; a connection that keeps
/// going over (for <see cref="RateLimitOptions.FloodAfter"/> without a second's break) or sends
/// <see cref="RateLimitOptions.FloodFactor"/> times a limit within one second is a flood. Used by one reader at a time.
/// </summary>
internal sealed class MessageGate : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly RateLimitOptions _options;
    private readonly TokenBucketRateLimiter?[] _buckets;
    private readonly int[] _perSecond;
    private readonly int[] _attempts;
    private long _windowStart;
    private long? _overSince;
    private long? _lastOver;
    private long? _lastRateLimitedReport;

    /// <summary>Creates the buckets from <paramref name="options"/>.</summary>
    public MessageGate(RateLimitOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _perSecond = [options.InputPerSecond, options.ChatPerSecond, options.RoomPerSecond, options.PongPerSecond, options.MalformedPerSecond];
        _buckets =
        [
            Bucket(options.InputPerSecond, options.InputBurst),
            Bucket(options.ChatPerSecond, options.ChatBurst),
            Bucket(options.RoomPerSecond, options.RoomBurst),
            Bucket(options.PongPerSecond, options.PongBurst),
            null,
        ];
        _attempts = new int[_perSecond.Length];
        _windowStart = time.GetTimestamp();
    }

    /// <summary>Total messages dropped for being over a limit, malformed or queued beyond capacity.</summary>
    public long Dropped { get; private set; }

    /// <summary>Counts a message of <paramref name="category"/> and decides whether it passes.</summary>
    public GateVerdict Admit(MessageCategory category)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_windowStart, now) >= Second)
        {
            _windowStart = now;
            Array.Clear(_attempts);
        }

        var index = (int)category;
        if (++_attempts[index] >= _options.FloodFactor * _perSecond[index])
        {
            return GateVerdict.Flood;
        }

        if (_buckets[index] is { } bucket)
        {
            bucket.TryReplenish();
            using var lease = bucket.AttemptAcquire();
            if (lease.IsAcquired)
            {
                return GateVerdict.Pass;
            }
        }

        return OverLimit(now);
    }

    /// <summary>Whether a <c>rate_limited</c> error may be sent now (at most one a second).</summary>
    public bool ShouldReportRateLimited()
    {
        var now = _time.GetTimestamp();
        if (_lastRateLimitedReport is { } last && _time.GetElapsedTime(last, now) < Second)
        {
            return false;
        }

        _lastRateLimitedReport = now;
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var bucket in _buckets)
        {
            bucket?.Dispose();
        }
    }

    private GateVerdict OverLimit(long now)
    {
        Dropped++;
        if (_lastOver is not { } last || _time.GetElapsedTime(last, now) > Second)
        {
            _overSince = now;
        }

        _lastOver = now;
        return _time.GetElapsedTime(_overSince!.Value, now) >= _options.FloodAfter ? GateVerdict.Flood : GateVerdict.Drop;
    }

    private static TokenBucketRateLimiter Bucket(int perSecond, int burst) =>
        // Refilled by the reader just before it takes a token, by the time elapsed since the last refill: exact, and
        // without the timer per bucket that automatic replenishment starts (four per connection, firing whether the
        // player sends anything or not).
        new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = Second,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
}

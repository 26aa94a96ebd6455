using System.Threading.RateLimiting;
using OrleansGame.Gateway.Hubs;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// One connection's token buckets and abuse detector: a bucket for each <see cref="MessageCategory"/> and one for each
/// message type of the room the connection sits in, replaced whenever it is handed new <see cref="MessageLimits"/>.
/// A message over its bucket is dropped; a connection that keeps going over (for <see cref="RateLimitOptions.FloodAfter"/>
/// without a second's break) or sends <see cref="RateLimitOptions.FloodFactor"/> times a bucket's rate within one
/// second is a flood. Thread-safe: the inbound service and the hub's out-of-order pongs share it.
/// </summary>
internal sealed class MessageGate : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly RateLimitOptions _options;
    private readonly Meter[] _fixed;
    private readonly Lock _lock = new();
    private MessageLimits? _limits;
    private Meter[] _typed = [];
    private long _windowStart;
    private long _window;
    private long? _overSince;
    private long? _lastOver;
    private long? _lastRateLimitedReport;
    private long _dropped;

    /// <summary>Creates the fixed buckets from <paramref name="options"/>.</summary>
    public MessageGate(RateLimitOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _fixed = new Meter[Enum.GetValues<MessageCategory>().Length];
        _fixed[(int)MessageCategory.Room] = new Meter(options.RoomPerSecond, options.RoomBurst);
        _fixed[(int)MessageCategory.Pong] = new Meter(options.PongPerSecond, options.PongBurst);
        _fixed[(int)MessageCategory.Malformed] = new Meter(options.MalformedPerSecond, burst: null);
        _fixed[(int)MessageCategory.Message] = new Meter(options.MessagePerSecond, options.MessageBurst);
        _windowStart = time.GetTimestamp();
    }

    /// <summary>Total messages dropped for being over a limit, malformed or queued beyond capacity.</summary>
    public long Dropped
    {
        get
        {
            lock (_lock)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Counts a message of <paramref name="category"/> and decides whether it passes.</summary>
    public GateVerdict Admit(MessageCategory category)
    {
        lock (_lock)
        {
            return Admit(_fixed[(int)category]);
        }
    }

    /// <summary>
    /// Counts a message of the type at <paramref name="index"/> of <paramref name="limits"/> and decides whether it
    /// passes. Limits other than the last ones seen replace the type buckets, which start full.
    /// </summary>
    public GateVerdict Admit(MessageLimits limits, int index)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(limits, _limits))
            {
                DisposeTyped();
                _typed = [.. limits.Items.Select(static limit => new Meter(limit.PerSecond, limit.Burst))];
                _limits = limits;
            }

            return Admit(_typed[index]);
        }
    }

    /// <summary>Whether a <c>rate_limited</c> error may be sent now (at most one a second).</summary>
    public bool ShouldReportRateLimited()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_lastRateLimitedReport is { } last && _time.GetElapsedTime(last, now) < Second)
            {
                return false;
            }

            _lastRateLimitedReport = now;
            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var meter in _fixed)
            {
                meter.Dispose();
            }

            DisposeTyped();
        }
    }

    private GateVerdict Admit(Meter meter)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_windowStart, now) >= Second)
        {
            _windowStart = now;
            _window++;
        }

        if (meter.Attempt(_window) >= _options.FloodFactor * meter.PerSecond)
        {
            return GateVerdict.Flood;
        }

        return meter.TryAcquire() ? GateVerdict.Pass : OverLimit(now);
    }

    private GateVerdict OverLimit(long now)
    {
        _dropped++;
        if (_lastOver is not { } last || _time.GetElapsedTime(last, now) > Second)
        {
            _overSince = now;
        }

        _lastOver = now;
        return _time.GetElapsedTime(_overSince!.Value, now) >= _options.FloodAfter ? GateVerdict.Flood : GateVerdict.Drop;
    }

    private void DisposeTyped()
    {
        foreach (var meter in _typed)
        {
            meter.Dispose();
        }
    }

    /// <summary>One bucket (none for a category that is always over its limit) and its attempts in the current second.</summary>
    private sealed class Meter(int perSecond, int? burst) : IDisposable
    {
        // Refilled by the reader just before it takes a token, by the time elapsed since the last refill: exact, and
        // without the timer per bucket that automatic replenishment starts (several per connection, firing whether the
        // player sends anything or not).
        private readonly TokenBucketRateLimiter? _bucket = burst is { } size
            ? new(new TokenBucketRateLimiterOptions
            {
                TokenLimit = size,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = Second,
                QueueLimit = 0,
                AutoReplenishment = false,
            })
            : null;

        private long _window;
        private int _attempts;

        public int PerSecond => perSecond;

        /// <summary>Counts an attempt in <paramref name="window"/> (a second) and returns the attempts in it so far.</summary>
        public int Attempt(long window)
        {
            if (window != _window)
            {
                (_window, _attempts) = (window, 0);
            }

            return ++_attempts;
        }

        public bool TryAcquire()
        {
            if (_bucket is null)
            {
                return false;
            }

            _bucket.TryReplenish();
            using var lease = _bucket.AttemptAcquire();
            return lease.IsAcquired;
        }

        public void Dispose() => _bucket?.Dispose();
    }
}

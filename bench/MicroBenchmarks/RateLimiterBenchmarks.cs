using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;

namespace OrleansGame.MicroBenchmarks;

/// <summary>
/// The per-connection input bucket's check, as the gateway builds it (30/s, burst 10, refilled by the reader from
/// the time elapsed, no timer): one <c>TryReplenish</c>, one <c>AttemptAcquire</c> and the lease's disposal,
/// granted and refused.
/// </summary>
[MemoryDiagnoser]
public class RateLimiterBenchmarks : IDisposable
{
    private readonly TokenBucketRateLimiter full = Create();
    private readonly TokenBucketRateLimiter empty = Create();

    /// <summary>Drains one bucket so that its checks are refusals.</summary>
    [GlobalSetup]
    public void Setup()
    {
        while (empty.AttemptAcquire().IsAcquired)
        {
        }
    }

    /// <summary>A check that is granted (the bucket is refilled first, as the gateway does).</summary>
    [Benchmark(Baseline = true)]
    public bool Granted()
    {
        full.TryReplenish();
        using var lease = full.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <summary>A check that is refused.</summary>
    [Benchmark]
    public bool Refused()
    {
        empty.TryReplenish();
        using var lease = empty.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        full.Dispose();
        empty.Dispose();
        GC.SuppressFinalize(this);
    }

    private static TokenBucketRateLimiter Create() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 10,
        TokensPerPeriod = 30,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });
}

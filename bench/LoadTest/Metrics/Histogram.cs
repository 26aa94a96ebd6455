namespace OrleansGame.LoadTest.Metrics;

/// <summary>
/// A latency histogram with 0.1 ms buckets up to one minute, safe to record into from many threads, and small to
/// ship between processes (only the buckets that hold something are written).
/// </summary>
internal sealed class Histogram
{
    private const double BucketsPerMs = 10;
    private const int BucketCount = 600_000;

    private readonly long[] buckets = new long[BucketCount + 1];
    private long count;
    private long maxTicks;

    /// <summary>Values recorded.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>The largest value recorded, in milliseconds (to 0.1 microsecond, rounded up).</summary>
    public double MaxMs => Interlocked.Read(ref maxTicks) / (double)TimeSpan.TicksPerMillisecond;

    /// <summary>Records one value in milliseconds (negative values count as 0).</summary>
    public void Record(double ms)
    {
        if (!double.IsFinite(ms) || ms < 0)
        {
            ms = 0;
        }

        var bucket = (int)Math.Min(BucketCount, ms * BucketsPerMs);
        Interlocked.Increment(ref buckets[bucket]);
        Interlocked.Increment(ref count);
        // Rounded up, so that the maximum (and a percentile it caps) is never below a value recorded.
        var ticks = (long)Math.Ceiling(ms * TimeSpan.TicksPerMillisecond);
        var seen = Interlocked.Read(ref maxTicks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref maxTicks, ticks, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Reset()
    {
        Array.Clear(buckets);
        Interlocked.Exchange(ref count, 0);
        Interlocked.Exchange(ref maxTicks, 0);
    }

    /// <summary>The non-empty buckets and the maximum, for shipping to the coordinator.</summary>
    public HistogramData Export()
    {
        var filled = new Dictionary<int, long>();
        for (var i = 0; i < buckets.Length; i++)
        {
            var value = Interlocked.Read(ref buckets[i]);
            if (value != 0)
            {
                filled[i] = value;
            }
        }

        return new HistogramData(filled, MaxMs);
    }

    /// <summary>Adds the contents of an exported histogram.</summary>
    public void Merge(HistogramData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (bucket, value) in data.Buckets)
        {
            buckets[Math.Clamp(bucket, 0, BucketCount)] += value;
            count += value;
        }

        maxTicks = Math.Max(maxTicks, (long)Math.Round(data.MaxMs * TimeSpan.TicksPerMillisecond));
    }

    /// <summary>The value at <paramref name="quantile"/> (0..1) in milliseconds (the bucket's upper edge), or NaN when empty.</summary>
    public double Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        rank = Math.Clamp(rank, 1, total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return Math.Min((i + 1) / BucketsPerMs, MaxMs);
            }
        }

        return MaxMs;
    }
}

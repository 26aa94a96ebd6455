namespace OrleansGame.LoadTest.Metrics;

/// <summary>A histogram as shipped between processes: bucket index to count, and the exact maximum.</summary>
/// <param name="Buckets">Non-empty buckets (index = value in 0.1 ms).</param>
/// <param name="MaxMs">The largest value recorded, in milliseconds.</param>
internal sealed record HistogramData(Dictionary<int, long> Buckets, double MaxMs);

using CsCheck;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Tests;

public sealed class HistogramTests
{
    private static readonly Gen<double[]> Samples = Gen.Double[0, 5_000].Array[1, 500];

    [Fact]
    public void Percentile_RandomSamples_IsTheNearestRankValueAtMostOneBucketAbove()
    {
        Gen.Select(Samples, Gen.Double[0.001, 1]).Sample((samples, quantile) =>
        {
            var histogram = new Histogram();
            foreach (var sample in samples)
            {
                histogram.Record(sample);
            }

            var sorted = samples.Order().ToArray();
            var exact = sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length), 1, sorted.Length) - 1];
            var reported = histogram.Percentile(quantile);
            return reported >= exact - 1e-9 && reported <= exact + 0.1 + 1e-9 && reported <= histogram.MaxMs;
        }, iter: 300);
    }

    [Fact]
    public void Merge_ExportsOfTwoHistograms_EqualsOneHistogramOfEverySample()
    {
        Gen.Select(Samples, Samples).Sample((first, second) =>
        {
            var all = new Histogram();
            var merged = new Histogram();
            foreach (var part in new[] { first, second })
            {
                var one = new Histogram();
                foreach (var sample in part)
                {
                    one.Record(sample);
                    all.Record(sample);
                }

                merged.Merge(one.Export());
            }

            return merged.Count == all.Count
                && merged.MaxMs == all.MaxMs
                && new[] { 0.5, 0.95, 0.99, 1.0 }.All(q => merged.Percentile(q) == all.Percentile(q));
        }, iter: 100);
    }

    [Fact]
    public void Record_FromManyThreadsAtOnce_LosesNoSample()
    {
        var histogram = new Histogram();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                histogram.Record((i % 1_000) + (thread * 0.01));
            }
        });

        Assert.Equal(160_000, histogram.Count);
        Assert.Equal(160_000, histogram.Export().Buckets.Values.Sum());
        Assert.Equal(999.07, histogram.MaxMs, 3);
    }

    [Fact]
    public void Record_NegativeOrNotANumber_CountsAsZero()
    {
        var histogram = new Histogram();
        histogram.Record(-5);
        histogram.Record(double.NaN);

        Assert.Equal(2, histogram.Count);
        Assert.Equal(0, histogram.Percentile(1.0));
    }

    [Fact]
    public void Percentile_NothingRecorded_IsNaN()
    {
        var histogram = new Histogram();
        histogram.Record(12);
        histogram.Reset();

        Assert.Equal(0, histogram.Count);
        Assert.True(double.IsNaN(histogram.Percentile(0.99)));
    }
}

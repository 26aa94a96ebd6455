using System.Globalization;

namespace OrleansGame.LoadTest.Metrics;

/// <summary>The whole machine's CPU counters from <c>/proc/stat</c> (busy and total jiffies over all cores).</summary>
/// <param name="Busy">Jiffies not idle nor waiting for I/O.</param>
/// <param name="Total">All jiffies.</param>
internal sealed record MachineSample(long Busy, long Total)
{
    /// <summary>Reads the counters now.</summary>
    public static MachineSample Read()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(static v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = values[3] + values[4];
        var total = values.Sum();
        return new MachineSample(total - idle, total);
    }

    /// <summary>The machine's busy share between <paramref name="before"/> and this sample, 0..1.</summary>
    public double BusySince(MachineSample before) =>
        Total == before.Total ? 0 : (Busy - before.Busy) / (double)(Total - before.Total);
}

using System.Globalization;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// The service level a window is judged by: the p99 of input-to-ack at most <see cref="AckP99Ms"/>, and at least
/// <see cref="Delivered"/> of the 20 snapshots a second that every bot asked for should receive.
/// </summary>
internal sealed record Slo(double AckP99Ms, double Delivered)
{
    /// <summary>A generator above this share of a core (percent) is noted as a possible bottleneck; it does not fail the window.</summary>
    public const double BusyGeneratorCpu = 90;

    /// <summary>A generator whose own lag p99 is above this (ms) is noted: its bots' latencies carry that lag.</summary>
    public const double LaggingGeneratorMs = 20;

    /// <summary>Judges one window.</summary>
    /// <param name="ackP99">The window's p99 input-to-ack, ms (NaN when no input was acknowledged).</param>
    /// <param name="delivered">Snapshots received over 20 a second for every bot asked for.</param>
    /// <param name="deliveredOfProduced">Snapshots received over the ticks the rooms produced for the connected bots.</param>
    /// <param name="connected">Bots connected at the end of the window.</param>
    /// <param name="asked">Bots asked for.</param>
    /// <param name="generatorCpu">Each generator process's CPU, percent of a core.</param>
    /// <param name="generatorLagP99">The generators' own lag p99, ms.</param>
    public SloVerdict Judge(double ackP99, double delivered, double deliveredOfProduced, int connected, int asked, IEnumerable<double> generatorCpu, double generatorLagP99)
    {
        var reasons = new List<string>();
        var ackMet = ackP99 <= AckP99Ms;
        if (!ackMet)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"p99 ack {ackP99:F1} ms > {AckP99Ms} ms"));
        }

        if (delivered < Delivered)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"delivered {delivered:P1} < {Delivered:P0}"));
        }

        var met = reasons.Count == 0;
        if (generatorCpu.Any(static c => c > BusyGeneratorCpu))
        {
            reasons.Add("a generator ran above 90% of a core: the bots may be the bottleneck");
        }

        if (generatorLagP99 > LaggingGeneratorMs)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the generator itself lagged {generatorLagP99:F0} ms at p99: part of the latency is the bots'"));
        }

        return new SloVerdict(
            met,
            ackMet && deliveredOfProduced >= Delivered && connected >= asked,
            reasons.Count == 0 ? "meets the SLO" : string.Join("; ", reasons));
    }
}

/// <summary>How a window fared against the <see cref="Slo"/>.</summary>
/// <param name="Met">Whether it met the SLO as written (20 snapshots a second expected).</param>
/// <param name="MetAtServerTickRate">Whether it met it judged against the rooms' own tick rate (p99, no loss, every bot connected).</param>
/// <param name="Reason">Why not, or notes; "meets the SLO" when there is nothing to say.</param>
internal readonly record struct SloVerdict(bool Met, bool MetAtServerTickRate, string Reason);

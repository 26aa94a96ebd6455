using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>
/// The bookkeeping of the ping service: sequences, send times of recent pings, which of them are still unanswered,
/// and round-trip time smoothed as an exponentially weighted moving average (RFC 6298 weights) with its jitter.
/// </summary>
/// <remarks>
/// Only a pong for an outstanding ping counts, once: a client that stopped reading cannot stay by repeating an old
/// pong. The timeout counts from the oldest ping still unanswered, so it measures the client's silence, not the
/// server's: pings the server was late to send cannot time a client out before they were sent.
/// </remarks>
internal sealed class PingTracker
{
    private const int Remembered = 8;
    private const double RttWeight = 0.125;
    private const double JitterWeight = 0.25;

    private readonly long[] sentSeq = new long[Remembered];
    private readonly DateTimeOffset[] sentAt = new DateTimeOffset[Remembered];
    private long lastSeq;
    private long answeredSeq;
    private DateTimeOffset waitingSince;  // when the oldest unanswered ping was sent

    /// <summary>The smoothed round-trip time in milliseconds, once a pong arrived.</summary>
    public double? SmoothedRttMs { get; private set; }

    /// <summary>The smoothed variation of the round-trip time in milliseconds.</summary>
    public double JitterMs { get; private set; }

    /// <summary>Starts afresh for a new connection: pings sent to an earlier one can no longer be answered.</summary>
    public void Reset() => answeredSeq = lastSeq;

    /// <summary>The next ping to send, remembered so its pong can be timed.</summary>
    public Ping Next(DateTimeOffset now)
    {
        if (answeredSeq == lastSeq)
        {
            // The only ping outstanding: the client's silence counts from now.
            waitingSince = now;
        }

        lastSeq++;
        var slot = Slot(lastSeq);
        sentSeq[slot] = lastSeq;
        sentAt[slot] = now;
        return new Ping(lastSeq, now.ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Records a pong; returns the measured round-trip time, or null for a pong that does not answer an outstanding
    /// ping (never sent, answered already, or sent to an earlier connection), which is ignored.
    /// </summary>
    public double? OnPong(long seq, DateTimeOffset now)
    {
        if (seq <= answeredSeq || seq > lastSeq)
        {
            return null;
        }

        // The transport is ordered: a pong for this ping means the client read every earlier one too.
        answeredSeq = seq;
        waitingSince = seq < lastSeq ? sentAt[Slot(Math.Max(seq + 1, lastSeq - Remembered + 1))] : now;
        if (sentSeq[Slot(seq)] != seq)
        {
            return null;
        }

        var rtt = Math.Max(0, (now - sentAt[Slot(seq)]).TotalMilliseconds);
        if (SmoothedRttMs is not { } smoothed)
        {
            SmoothedRttMs = rtt;
            JitterMs = rtt / 2;
        }
        else
        {
            JitterMs = ((1 - JitterWeight) * JitterMs) + (JitterWeight * Math.Abs(rtt - smoothed));
            SmoothedRttMs = ((1 - RttWeight) * smoothed) + (RttWeight * rtt);
        }

        return rtt;
    }

    /// <summary>Whether the oldest unanswered ping has waited for its pong for <paramref name="timeout"/>.</summary>
    public bool TimedOut(DateTimeOffset now, TimeSpan timeout) => answeredSeq < lastSeq && now - waitingSince >= timeout;

    private static int Slot(long seq) => (int)(seq % Remembered);
}

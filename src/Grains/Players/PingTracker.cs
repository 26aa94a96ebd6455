using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>
/// The bookkeeping of the ping service: sequences, send times of recent pings, round-trip time smoothed as an
/// exponentially weighted moving average (RFC 6298 weights), its jitter, and when the client was last heard.
/// </summary>
internal sealed class PingTracker
{
    private const int Remembered = 8;
    private const double RttWeight = 0.125;
    private const double JitterWeight = 0.25;

    private readonly long[] sentSeq = new long[Remembered];
    private readonly DateTimeOffset[] sentAt = new DateTimeOffset[Remembered];
    private long lastSeq;
    private DateTimeOffset lastHeardAt;

    /// <summary>The smoothed round-trip time in milliseconds, once a pong arrived.</summary>
    public double? SmoothedRttMs { get; private set; }

    /// <summary>The smoothed variation of the round-trip time in milliseconds.</summary>
    public double JitterMs { get; private set; }

    /// <summary>Starts the timeout clock afresh (a connection attached).</summary>
    public void Reset(DateTimeOffset now) => lastHeardAt = now;

    /// <summary>The next ping to send, remembered so its pong can be timed.</summary>
    public Ping Next(DateTimeOffset now)
    {
        lastSeq++;
        var slot = (int)(lastSeq % Remembered);
        sentSeq[slot] = lastSeq;
        sentAt[slot] = now;
        return new Ping(lastSeq, now.ToUnixTimeMilliseconds());
    }

    /// <summary>Records a pong; returns the measured round-trip time, or null for a sequence never sent or long forgotten.</summary>
    public double? OnPong(long seq, DateTimeOffset now)
    {
        if (seq <= 0 || seq > lastSeq)
        {
            return null;
        }

        lastHeardAt = now;
        var slot = (int)(seq % Remembered);
        if (sentSeq[slot] != seq)
        {
            return null;
        }

        sentSeq[slot] = 0;
        var rtt = Math.Max(0, (now - sentAt[slot]).TotalMilliseconds);
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

    /// <summary>Whether nothing was heard from the client for <paramref name="timeout"/>.</summary>
    public bool TimedOut(DateTimeOffset now, TimeSpan timeout) => now - lastHeardAt >= timeout;
}

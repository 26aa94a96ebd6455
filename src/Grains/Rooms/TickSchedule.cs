namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The room's tick deadlines at a fixed rate: start + n x interval. A grain timer counts its period from the end of
/// one callback, so each tick would come the tick's own work and the scheduling latency late and 20 Hz would become
/// about 19; re-arming the timer with the time left to the next deadline keeps the rate. After a stall longer than
/// <see cref="MaxLag"/> the schedule starts again from now: the missed ticks are dropped, not fired in a burst.
/// </summary>
internal sealed class TickSchedule(TimeProvider time, TimeSpan interval)
{
    private long nextDeadline;

    /// <summary>How far behind its deadline a tick may start and still be caught up by the next ones.</summary>
    public TimeSpan MaxLag => interval * 2;

    /// <summary>Starts the schedule: the first tick is due one interval from now.</summary>
    /// <returns>The due time of the first tick.</returns>
    public TimeSpan Start()
    {
        nextDeadline = time.GetTimestamp() + ToTimestamp(interval);
        return interval;
    }

    /// <summary>How much later than its deadline the current tick started (zero when on time), read as it starts.</summary>
    /// <param name="tickStart">The tick's start, a timestamp of the schedule's <see cref="TimeProvider"/>.</param>
    public TimeSpan LatenessAt(long tickStart) =>
        tickStart <= nextDeadline ? TimeSpan.Zero : time.GetElapsedTime(nextDeadline, tickStart);

    /// <summary>Called at the end of a tick: moves to the next deadline.</summary>
    /// <returns>The time left until the next tick is due; zero when it is already due.</returns>
    public TimeSpan Advance()
    {
        var now = time.GetTimestamp();
        nextDeadline += ToTimestamp(interval);
        if (now - nextDeadline > ToTimestamp(MaxLag))
        {
            nextDeadline = now + ToTimestamp(interval);
        }

        return nextDeadline <= now ? TimeSpan.Zero : time.GetElapsedTime(now, nextDeadline);
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}

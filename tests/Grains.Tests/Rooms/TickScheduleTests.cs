using Microsoft.Extensions.Time.Testing;
using OrleansGame.Grains.Rooms;

namespace OrleansGame.Grains.Tests.Rooms;

public sealed class TickScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void Advance_AfterTicksThatTakeTimeAndStartLate_KeepsTwentyTicksASecond()
    {
        var time = new FakeTimeProvider();
        var schedule = new TickSchedule(time, Interval);
        var due = schedule.Start();
        var ticks = 0;

        // A timer that fires 1-3 ms after the due time, and ticks that take 2-6 ms: what a grain timer does.
        var random = new Random(7);
        while (time.GetUtcNow() - time.Start < TimeSpan.FromSeconds(10))
        {
            time.Advance(due + TimeSpan.FromMilliseconds(random.Next(1, 4)));
            ticks++;
            time.Advance(TimeSpan.FromMilliseconds(random.Next(2, 7)));
            due = schedule.Advance();
        }

        Assert.InRange(ticks, 199, 201);
    }

    [Fact]
    public void Advance_WhenTheTickEndsBeforeTheNextDeadline_ReturnsTheTimeLeft()
    {
        var time = new FakeTimeProvider();
        var schedule = new TickSchedule(time, Interval);
        Assert.Equal(Interval, schedule.Start());

        time.Advance(TimeSpan.FromMilliseconds(53));
        Assert.Equal(TimeSpan.FromMilliseconds(3), schedule.LatenessAt(time.GetTimestamp()));
        time.Advance(TimeSpan.FromMilliseconds(7));

        // Deadlines are 50, 100, 150 ms after the start: the tick that began late at 53 ms and ended at 60 ms leaves 40.
        Assert.Equal(TimeSpan.FromMilliseconds(40), schedule.Advance());
    }

    [Fact]
    public void Advance_WhenBehindWithinTheLagBound_CatchesUpWithoutWaiting()
    {
        var time = new FakeTimeProvider();
        var schedule = new TickSchedule(time, Interval);
        schedule.Start();

        // The tick due at 50 ms ran to 130 ms: the one due at 100 ms is already late, so it is due at once.
        time.Advance(TimeSpan.FromMilliseconds(130));
        Assert.Equal(TimeSpan.Zero, schedule.Advance());
        Assert.Equal(TimeSpan.FromMilliseconds(30), schedule.LatenessAt(time.GetTimestamp()));

        // That catch-up tick ends at 135 ms: the schedule is back on its deadlines (150 ms).
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(15), schedule.Advance());
    }

    [Fact]
    public void Advance_AfterAStallLongerThanTheLagBound_DropsTheMissedTicksInsteadOfBursting()
    {
        var time = new FakeTimeProvider();
        var schedule = new TickSchedule(time, Interval);
        schedule.Start();
        time.Advance(Interval);

        // A one-second pause (a GC, a busy silo) would otherwise leave twenty ticks due at once.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Interval, schedule.Advance());
        time.Advance(Interval);
        Assert.Equal(TimeSpan.Zero, schedule.LatenessAt(time.GetTimestamp()));
    }
}

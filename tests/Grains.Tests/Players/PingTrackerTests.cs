using OrleansGame.Grains.Players;

namespace OrleansGame.Grains.Tests.Players;

public sealed class PingTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void OnPong_MatchingPing_MeasuresRttAndSmoothsIt()
    {
        var tracker = new PingTracker();

        var first = tracker.Next(T0);
        var rtt1 = tracker.OnPong(first.Seq, T0.AddMilliseconds(100));
        var second = tracker.Next(T0.AddSeconds(2));
        var rtt2 = tracker.OnPong(second.Seq, T0.AddSeconds(2).AddMilliseconds(20));

        Assert.Equal((1L, T0.ToUnixTimeMilliseconds()), (first.Seq, first.ServerTime));
        Assert.Equal(100, rtt1);
        Assert.Equal(20, rtt2);
        Assert.Equal((0.875 * 100) + (0.125 * 20), tracker.SmoothedRttMs!.Value, 9);
        Assert.Equal((0.75 * 50) + (0.25 * 80), tracker.JitterMs, 9);
    }

    [Fact]
    public void OnPong_UnknownOrRepeatedSeq_IsIgnored()
    {
        var tracker = new PingTracker();
        var ping = tracker.Next(T0);

        Assert.Null(tracker.OnPong(99, T0));
        Assert.Null(tracker.OnPong(0, T0));
        Assert.NotNull(tracker.OnPong(ping.Seq, T0.AddMilliseconds(5)));
        Assert.Null(tracker.OnPong(ping.Seq, T0.AddMilliseconds(6)));
        Assert.Equal(5, tracker.SmoothedRttMs);
    }

    [Fact]
    public void TimedOut_WhenTheOldestUnansweredPingWaitedForTheTimeout()
    {
        var tracker = new PingTracker();

        var first = tracker.Next(T0);
        tracker.Next(T0.AddSeconds(2));
        Assert.False(tracker.TimedOut(T0.AddSeconds(9), Timeout));
        Assert.True(tracker.TimedOut(T0.AddSeconds(10), Timeout));

        // The first is answered: the second, sent at 2 s, is now the oldest one waiting.
        tracker.OnPong(first.Seq, T0.AddSeconds(10));
        Assert.False(tracker.TimedOut(T0.AddSeconds(11), Timeout));
        Assert.True(tracker.TimedOut(T0.AddSeconds(12), Timeout));
    }

    [Fact]
    public void RepeatingAnAnsweredPong_DoesNotKeepASilentClient()
    {
        var tracker = new PingTracker();
        var answered = tracker.Next(T0);
        tracker.OnPong(answered.Seq, T0.AddMilliseconds(50));

        // The client stops reading: it never sees the next pings, and only repeats its old pong.
        for (var second = 2; second <= 12; second += 2)
        {
            tracker.Next(T0.AddSeconds(second));
            Assert.Null(tracker.OnPong(answered.Seq, T0.AddSeconds(second).AddMilliseconds(10)));
        }

        Assert.True(tracker.TimedOut(T0.AddSeconds(12), Timeout));
    }

    [Fact]
    public void APongForTheLatestPing_AnswersTheEarlierOnesToo()
    {
        var tracker = new PingTracker();
        var first = tracker.Next(T0);
        var second = tracker.Next(T0.AddSeconds(2));

        Assert.NotNull(tracker.OnPong(second.Seq, T0.AddSeconds(2.1)));
        Assert.Null(tracker.OnPong(first.Seq, T0.AddSeconds(2.2)));
        Assert.False(tracker.TimedOut(T0.AddSeconds(30), Timeout));
    }

    [Fact]
    public void NothingOutstanding_NeverTimesOut_EvenWhenTheServerIsLateToPing()
    {
        var tracker = new PingTracker();
        var ping = tracker.Next(T0);
        tracker.OnPong(ping.Seq, T0.AddMilliseconds(30));

        // The server's own ping timer stalled for 15 s: that is no silence of the client's.
        Assert.False(tracker.TimedOut(T0.AddSeconds(15), Timeout));
        tracker.Next(T0.AddSeconds(15));
        Assert.False(tracker.TimedOut(T0.AddSeconds(24), Timeout));
        Assert.True(tracker.TimedOut(T0.AddSeconds(25), Timeout));
    }

    [Fact]
    public void Reset_ForANewConnection_ForgetsPingsSentToTheOldOne()
    {
        var tracker = new PingTracker();
        var old = tracker.Next(T0);

        tracker.Reset();

        Assert.Null(tracker.OnPong(old.Seq, T0.AddSeconds(1)));
        Assert.False(tracker.TimedOut(T0.AddSeconds(20), Timeout));
        var fresh = tracker.Next(T0.AddSeconds(20));
        Assert.NotNull(tracker.OnPong(fresh.Seq, T0.AddSeconds(20.05)));
    }
}

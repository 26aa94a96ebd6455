using OrleansGame.Grains.Players;

namespace OrleansGame.Grains.Tests.Players;

public sealed class PingTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnPong_MatchingPing_MeasuresRttAndSmoothsIt()
    {
        var tracker = new PingTracker();
        tracker.Reset(T0);

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
    public void TimedOut_OnlyWhenNothingWasHeardForTheTimeout()
    {
        var tracker = new PingTracker();
        tracker.Reset(T0);
        var timeout = TimeSpan.FromSeconds(10);

        var ping = tracker.Next(T0.AddSeconds(8));
        Assert.False(tracker.TimedOut(T0.AddSeconds(9), timeout));
        tracker.OnPong(ping.Seq, T0.AddSeconds(9));
        Assert.False(tracker.TimedOut(T0.AddSeconds(18), timeout));
        Assert.True(tracker.TimedOut(T0.AddSeconds(19), timeout));
    }
}

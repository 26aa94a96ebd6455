using Microsoft.Extensions.Time.Testing;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Hubs;

namespace OrleansGame.Gateway.Tests;

public sealed class MessageGateTests
{
    [Fact]
    public void Admit_WithinBurst_Passes_ThenDrops()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());

        var verdicts = Enumerable.Range(0, 4).Select(_ => gate.Admit(MessageCategory.Chat)).ToList();

        Assert.Equal([GateVerdict.Pass, GateVerdict.Pass, GateVerdict.Pass, GateVerdict.Drop], verdicts);
        Assert.Equal(1, gate.Dropped);
    }

    [Fact]
    public void Admit_FiveTimesTheLimitWithinASecond_IsAFlood()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());

        var verdicts = Enumerable.Range(0, 5).Select(_ => gate.Admit(MessageCategory.Chat)).ToList();

        Assert.Equal(GateVerdict.Flood, verdicts[^1]);
        Assert.DoesNotContain(GateVerdict.Flood, verdicts[..^1]);
    }

    [Fact]
    public void Admit_OverTheLimitForFiveSecondsWithoutABreak_IsAFlood()
    {
        var time = new FakeTimeProvider();
        using var gate = new MessageGate(new RateLimitOptions { ChatBurst = 1 }, time);
        Assert.Equal(GateVerdict.Pass, gate.Admit(MessageCategory.Chat));

        var verdicts = new List<GateVerdict>();
        for (var step = 0; step <= 10; step++)
        {
            verdicts.Add(gate.Admit(MessageCategory.Chat));
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.All(verdicts[..^1], v => Assert.Equal(GateVerdict.Drop, v));
        Assert.Equal(GateVerdict.Flood, verdicts[^1]);
    }

    [Fact]
    public void Admit_OverTheLimitWithBreaksLongerThanASecond_IsNoFlood()
    {
        var time = new FakeTimeProvider();
        using var gate = new MessageGate(new RateLimitOptions { ChatBurst = 1 }, time);
        gate.Admit(MessageCategory.Chat);

        for (var step = 0; step < 10; step++)
        {
            Assert.NotEqual(GateVerdict.Flood, gate.Admit(MessageCategory.Chat));
            time.Advance(TimeSpan.FromMilliseconds(1100));
        }
    }

    [Fact]
    public void Admit_Unbindable_CountsAsOverTheLimit_FiveInASecondAreAFlood()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());

        var verdicts = Enumerable.Range(0, 5).Select(_ => gate.Admit(MessageCategory.Malformed)).ToList();

        Assert.Equal([GateVerdict.Drop, GateVerdict.Drop, GateVerdict.Drop, GateVerdict.Drop, GateVerdict.Flood], verdicts);
    }

    [Fact]
    public void ShouldReportRateLimited_AtMostOnceASecond()
    {
        var time = new FakeTimeProvider();
        using var gate = new MessageGate(new RateLimitOptions(), time);

        var first = gate.ShouldReportRateLimited();
        var again = gate.ShouldReportRateLimited();
        time.Advance(TimeSpan.FromMilliseconds(999));
        var tooSoon = gate.ShouldReportRateLimited();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var later = gate.ShouldReportRateLimited();

        Assert.Equal((true, false, false, true), (first, again, tooSoon, later));
    }
}

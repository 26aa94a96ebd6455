using OrleansGame.LoadTest.Coordinator;

namespace OrleansGame.LoadTest.Tests;

public sealed class SloTests
{
    private static readonly Slo Slo = new(AckP99Ms: 100, Delivered: 0.99);

    [Fact]
    public void Judge_AckAndDeliveryWithinBounds_MeetsBothReadings()
    {
        var verdict = Slo.Judge(ackP99: 99.9, delivered: 0.995, deliveredOfProduced: 1.0, connected: 400, asked: 400, generatorCpu: [60], generatorLagP99: 2);

        Assert.True(verdict.Met);
        Assert.True(verdict.MetAtServerTickRate);
        Assert.Equal("meets the SLO", verdict.Reason);
    }

    [Fact]
    public void Judge_AckP99AboveTheBound_FailsBothReadingsAndSaysBy()
    {
        var verdict = Slo.Judge(ackP99: 114.4, delivered: 1.0, deliveredOfProduced: 1.0, connected: 400, asked: 400, generatorCpu: [67], generatorLagP99: 2);

        Assert.False(verdict.Met);
        Assert.False(verdict.MetAtServerTickRate);
        Assert.Equal("p99 ack 114.4 ms > 100 ms", verdict.Reason);
    }

    [Fact]
    public void Judge_NoInputAcknowledged_Fails()
    {
        var verdict = Slo.Judge(ackP99: double.NaN, delivered: 1.0, deliveredOfProduced: 1.0, connected: 10, asked: 10, generatorCpu: [5], generatorLagP99: 2);

        Assert.False(verdict.Met);
        Assert.False(verdict.MetAtServerTickRate);
    }

    [Fact]
    public void Judge_RoomsTickingSlowButNothingLost_FailsAsWrittenAndMeetsAtTheRoomsTickRate()
    {
        var verdict = Slo.Judge(ackP99: 69.3, delivered: 0.956, deliveredOfProduced: 1.0, connected: 400, asked: 400, generatorCpu: [59], generatorLagP99: 2);

        Assert.False(verdict.Met);
        Assert.True(verdict.MetAtServerTickRate);
        Assert.Equal("delivered 95.6 % < 99 %", verdict.Reason);
    }

    [Fact]
    public void Judge_BotsThatNeverConnected_FailAtTheRoomsTickRate()
    {
        var verdict = Slo.Judge(ackP99: 50, delivered: 0.9, deliveredOfProduced: 1.0, connected: 360, asked: 400, generatorCpu: [50], generatorLagP99: 2);

        Assert.False(verdict.Met);
        Assert.False(verdict.MetAtServerTickRate);
    }

    [Fact]
    public void Judge_LaggingGenerator_IsNotedWithoutFailingTheWindow()
    {
        var verdict = Slo.Judge(ackP99: 140, delivered: 1.0, deliveredOfProduced: 1.0, connected: 300, asked: 300, generatorCpu: [45], generatorLagP99: 62.4);

        Assert.False(verdict.Met);
        Assert.Equal("p99 ack 140.0 ms > 100 ms; the generator itself lagged 62 ms at p99: part of the latency is the bots'", verdict.Reason);
    }

    [Fact]
    public void Judge_BusyGenerator_IsNotedWithoutFailingTheWindow()
    {
        var verdict = Slo.Judge(ackP99: 80, delivered: 1.0, deliveredOfProduced: 1.0, connected: 600, asked: 600, generatorCpu: [40, 96], generatorLagP99: 2);

        Assert.True(verdict.Met);
        Assert.Contains("a generator ran above 90% of a core", verdict.Reason, StringComparison.Ordinal);
    }
}

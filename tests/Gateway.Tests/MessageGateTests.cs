using Microsoft.Extensions.Time.Testing;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

public sealed class MessageGateTests
{
    /// <summary>A mode's limits like the arena's: <c>Chat</c> 1/s burst 3, <c>Input</c> 30/s burst 10.</summary>
    private static MessageLimits ArenaLike(int chatBurst = 3) => new([new MessageLimit("Input", 256, 30, 10), new MessageLimit("Chat", 1024, 1, chatBurst)]);

    private static GateVerdict AdmitChat(MessageGate gate, MessageLimits limits)
    {
        Assert.True(limits.TryFind("Chat", out var index));
        return gate.Admit(limits, index);
    }

    [Fact]
    public void Admit_WithinBurst_Passes_ThenDrops()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());
        var limits = ArenaLike();

        var verdicts = Enumerable.Range(0, 4).Select(_ => AdmitChat(gate, limits)).ToList();

        Assert.Equal([GateVerdict.Pass, GateVerdict.Pass, GateVerdict.Pass, GateVerdict.Drop], verdicts);
        Assert.Equal(1, gate.Dropped);
    }

    [Fact]
    public void Admit_FiveTimesTheLimitWithinASecond_IsAFlood()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());
        var limits = ArenaLike();

        var verdicts = Enumerable.Range(0, 5).Select(_ => AdmitChat(gate, limits)).ToList();

        Assert.Equal(GateVerdict.Flood, verdicts[^1]);
        Assert.DoesNotContain(GateVerdict.Flood, verdicts[..^1]);
    }

    [Fact]
    public void Admit_OverTheLimitForFiveSecondsWithoutABreak_IsAFlood()
    {
        var time = new FakeTimeProvider();
        using var gate = new MessageGate(new RateLimitOptions(), time);
        var limits = ArenaLike(chatBurst: 1);
        Assert.Equal(GateVerdict.Pass, AdmitChat(gate, limits));

        var verdicts = new List<GateVerdict>();
        for (var step = 0; step <= 10; step++)
        {
            verdicts.Add(AdmitChat(gate, limits));
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.All(verdicts[..^1], v => Assert.Equal(GateVerdict.Drop, v));
        Assert.Equal(GateVerdict.Flood, verdicts[^1]);
    }

    [Fact]
    public void Admit_OverTheLimitWithBreaksLongerThanASecond_IsNoFlood()
    {
        var time = new FakeTimeProvider();
        using var gate = new MessageGate(new RateLimitOptions(), time);
        var limits = ArenaLike(chatBurst: 1);
        AdmitChat(gate, limits);

        for (var step = 0; step < 10; step++)
        {
            Assert.NotEqual(GateVerdict.Flood, AdmitChat(gate, limits));
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
    public void Admit_TypesOfOneMode_EachHaveTheirOwnBucket()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());
        var limits = ArenaLike();
        Assert.True(limits.TryFind("Input", out var input));

        var chats = Enumerable.Range(0, 4).Select(_ => AdmitChat(gate, limits)).ToList();
        var inputs = Enumerable.Range(0, 10).Select(_ => gate.Admit(limits, input)).ToList();

        Assert.Equal(GateVerdict.Drop, chats[^1]);
        Assert.All(inputs, v => Assert.Equal(GateVerdict.Pass, v));
        Assert.Equal(GateVerdict.Drop, gate.Admit(limits, input));
    }

    [Fact]
    public void Admit_NewLimits_StartTheTypeBucketsAfresh()
    {
        using var gate = new MessageGate(new RateLimitOptions(), new FakeTimeProvider());
        var firstRoom = ArenaLike();
        Enumerable.Range(0, 3).ToList().ForEach(_ => AdmitChat(gate, firstRoom));
        Assert.Equal(GateVerdict.Drop, AdmitChat(gate, firstRoom));

        var secondRoom = ArenaLike();

        Assert.Equal(GateVerdict.Pass, AdmitChat(gate, secondRoom));
    }

    [Fact]
    public void Admit_MessagesWithoutABucketOfTheirOwn_DrawFromTheDefaultBucket()
    {
        using var gate = new MessageGate(new RateLimitOptions { MessagePerSecond = 2, MessageBurst = 2 }, new FakeTimeProvider());

        var verdicts = Enumerable.Range(0, 3).Select(_ => gate.Admit(MessageCategory.Message)).ToList();

        Assert.Equal([GateVerdict.Pass, GateVerdict.Pass, GateVerdict.Drop], verdicts);
        Assert.Equal(GateVerdict.Pass, gate.Admit(MessageCategory.Room));
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

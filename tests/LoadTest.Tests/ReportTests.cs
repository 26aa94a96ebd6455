using OrleansGame.LoadTest.Coordinator;

namespace OrleansGame.LoadTest.Tests;

public sealed class ReportTests
{
    private static readonly LoadTestOptions Options = new() { Targets = ["gateway", "bare"], Steps = [100, 200, 300] };

    [Fact]
    public void Markdown_BothTargetsRampedToFailure_GivesEachCapacityAndTheRatio()
    {
        StepResult[] results =
        [
            Window("gateway", 100, meets: true), Window("gateway", 200, meets: true), Window("gateway", 300, meets: false),
            Window("bare", 100, meets: true), Window("bare", 200, meets: true), Window("bare", 300, meets: true), Window("bare", 400, meets: false),
        ];

        var markdown = Report.Markdown(results, Options, "test machine");

        Assert.Contains("- **gateway**: largest level meeting the SLO: **200** bots", markdown, StringComparison.Ordinal);
        Assert.Contains("- **bare**: largest level meeting the SLO: **300** bots", markdown, StringComparison.Ordinal);
        Assert.Contains("**ratio gateway / bare hub: 0.67**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("lower bound", markdown, StringComparison.Ordinal);
        // One row per window in the per-player table and one in the full table.
        Assert.Equal(2 * 7, markdown.Split('\n').Count(static line => line.StartsWith("| gateway |", StringComparison.Ordinal) || line.StartsWith("| bare |", StringComparison.Ordinal)));
    }

    [Fact]
    public void Markdown_RampEndedWhileTheSloHeld_SaysTheCapacityIsALowerBound()
    {
        StepResult[] results = [Window("gateway", 100, meets: true), Window("bare", 100, meets: true)];

        var markdown = Report.Markdown(results, Options, "test machine");

        Assert.Contains("**100** bots (the ramp ended before the SLO failed: a lower bound)", markdown, StringComparison.Ordinal);
        Assert.Contains("(the bare hub did not reach its limit: the true ratio is at most this)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void PlayersPerServerCore_Pinned_IsTheKneeAndUnpinned_TheKneeOverTheCoresItUsed()
    {
        StepResult[] pinned =
        [
            Window("gateway", 200, meets: true) with { Pinned = true, ServerSideCpu = 40 },
            Window("gateway", 400, meets: true) with { Pinned = true, ServerSideCpu = 80 },
            Window("gateway", 600, meets: false) with { Pinned = true, ServerSideCpu = 100 },
        ];
        StepResult[] unpinned = [Window("bare", 300, meets: true) with { ServerSideCpu = 150 }, Window("bare", 500, meets: false) with { ServerSideCpu = 190 }];

        Assert.Equal(400, Report.PlayersPerServerCore(pinned, "gateway"));
        Assert.Equal(200, Report.PlayersPerServerCore(unpinned, "bare"));
        Assert.Equal(0, Report.PlayersPerServerCore([Window("bare", 100, meets: false)], "bare"));
        var markdown = Report.Markdown(pinned, Options with { Pin = true, Client = "raw", Rest = true }, "test machine");
        Assert.Contains("- **gateway: 400 players per server core at the SLO** (the largest level meeting it, the server on one core)", markdown, StringComparison.Ordinal);
        Assert.Contains("Per player (pinned: the server on CPU 0, the generators on the others; bots: raw; every level from no bots", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_CountersInAnyOrder_TakeTheCollectorsColumnOrder()
    {
        var names = CountersCollector.Names;
        StepResult[] results =
        [
            Window("gateway", 100, meets: true) with { Counters = names.Reverse().ToDictionary(static n => n, static _ => 1.0) },
            Window("bare", 100, meets: true) with { Counters = new() { [names[3]] = 2.0, [names[0]] = 3.0 } },
        ];

        var markdown = Report.Markdown(results, Options, "test machine");

        var header = markdown.Split('\n').Single(static line => line.StartsWith("| target | bots | " + CountersCollector.Names[0], StringComparison.Ordinal));
        Assert.Equal("| target | bots | " + string.Join(" | ", names) + " |", header.TrimEnd());
        var bare = markdown.Split('\n').Last(static line => line.StartsWith("| bare | 100 |", StringComparison.Ordinal));
        Assert.StartsWith("| bare | 100 | 3 |  |  | 2 |", bare, StringComparison.Ordinal);
    }

    private static StepResult Window(string target, int bots, bool meets) => new()
    {
        Target = target,
        Protocol = "json",
        Bots = bots,
        Connected = bots,
        WindowSeconds = 15,
        SnapshotsPerBotPerSecond = 20,
        Delivered = 1,
        TickRate = 20,
        DeliveredOfProduced = 1,
        MeetsSloAtServerTickRate = meets,
        MissedTicks = 0,
        AckSamples = bots * 300,
        AckP50 = 30,
        AckP95 = 60,
        AckP99 = meets ? 80 : 150,
        AckMax = meets ? 90 : 200,
        DelayP50 = 5,
        DelayP99 = 20,
        ReceiveToHandlerP99 = 1,
        RttP99 = 30,
        InputsPerSecond = bots * 20,
        Errors = [],
        Disconnects = 0,
        ServerCpu = 50,
        ServerRssMb = 300,
        ServerThreads = 40,
        GeneratorCpu = [40],
        GeneratorLagP99 = 3,
        GeneratorLagMax = 9,
        GeneratorGcPauseMs = 12,
        MachineBusy = 50,
        BytesOutPerSecond = bots * 21_000,
        BytesInPerSecond = bots * 1_700,
        MeetsSlo = meets,
        Verdict = meets ? "meets the SLO" : "p99 ack 150.0 ms > 100 ms",
    };
}

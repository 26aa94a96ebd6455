using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>The real gateway executable runs its threads under <c>SCHED_BATCH</c> unless told not to.</summary>
public sealed class ProcessSchedulingTests
{
    [Theory]
    [InlineData(null, SchedulingPolicies.Batch)]
    [InlineData("false", SchedulingPolicies.Other)]
    public async Task GatewayProcess_EveryThreadRunsUnderSchedBatch_UnlessTurnedOff(string? setting, int policy)
    {
        await using var gateway = await GatewayProcess.StartAsync(setting is null ? [] : ["--Runtime:BatchScheduling", setting]);

        // Threads started after the host (the thread pool grows while serving) get it too: serve a little first.
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        foreach (var response in await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/api/modes", TestContext.Current.CancellationToken))))
        {
            response.Dispose();
        }

        // A thread that escaped the pass at start is moved by the next one, within two seconds.
        await Eventually.WaitAsync(
            () => Task.FromResult(string.Join(", ", SchedulingPolicies.Threads(gateway.Process.Id).Where(thread => thread.Policy != policy))),
            static others => others.Length == 0,
            TimeSpan.FromSeconds(10));
        var threads = SchedulingPolicies.Threads(gateway.Process.Id);

        Assert.True(threads.Count > 5, $"{threads.Count} threads");
        Assert.All(threads, thread => Assert.True(thread.Policy == policy, $"thread '{thread.Name}' runs policy {thread.Policy}, not {policy}"));
    }
}

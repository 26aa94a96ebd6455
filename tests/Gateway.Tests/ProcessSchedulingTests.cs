using System.Globalization;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>The real gateway executable runs its threads under <c>SCHED_BATCH</c> unless told not to.</summary>
public sealed class ProcessSchedulingTests
{
    private const int SchedOther = 0;
    private const int SchedBatch = 3;

    [Theory]
    [InlineData(null, SchedBatch)]
    [InlineData("false", SchedOther)]
    public async Task GatewayProcess_EveryThreadRunsUnderSchedBatch_UnlessTurnedOff(string? setting, int policy)
    {
        using var gateway = await GatewayProcess.StartAsync(setting is null ? [] : ["--Runtime:BatchScheduling", setting]);

        // Threads started after the host (the thread pool grows while serving) get it too: serve a little first.
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        foreach (var response in await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/api/modes", TestContext.Current.CancellationToken))))
        {
            response.Dispose();
        }

        // A thread that escaped the pass at start is moved by the next one, within two seconds.
        await Eventually.WaitAsync(
            () => Task.FromResult(string.Join(", ", Threads(gateway.Process.Id).Where(thread => thread.Policy != policy))),
            static others => others.Length == 0,
            TimeSpan.FromSeconds(10));
        var threads = Threads(gateway.Process.Id);

        Assert.True(threads.Count > 5, $"{threads.Count} threads");
        Assert.All(threads, thread => Assert.True(thread.Policy == policy, $"thread '{thread.Name}' runs policy {thread.Policy}, not {policy}"));
    }

    // The name and scheduling policy (field 41 of /proc/<pid>/task/<tid>/stat, counting the name as field 2) of each thread.
    private static List<(string Name, int Policy)> Threads(int process)
    {
        var threads = new List<(string, int)>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{process}/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended
            }

            var nameEnd = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..nameEnd];
            var fields = stat[(nameEnd + 2)..].Split(' ');
            threads.Add((name, int.Parse(fields[41 - 3], CultureInfo.InvariantCulture)));
        }

        return threads;
    }
}

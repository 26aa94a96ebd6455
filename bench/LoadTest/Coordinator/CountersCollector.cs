using System.Diagnostics;
using System.Globalization;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// Runs <c>dotnet-counters collect</c> (the local tool of <c>bench/dotnet-tools.json</c>) against the server for one
/// window and reduces its CSV to the mean of the counters that tell where the time goes.
/// </summary>
internal sealed class CountersCollector
{
    private const string Providers = "System.Runtime,Microsoft.AspNetCore.Server.Kestrel,Microsoft.AspNetCore.Http.Connections,Microsoft.Orleans,OrleansGame.Grains,OrleansGame.Gateway";

    // Counter name prefix in the CSV -> the short name reported, and a scale applied; series of one name (tags) are summed per sample.
    private static readonly (string Prefix, string Name, double Scale)[] Wanted =
    [
        ("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=user]", "CPU user %", 100),
        ("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=system]", "CPU kernel %", 100),
        ("dotnet.gc.heap.total_allocated", "alloc MB/s", 1.0 / (1024 * 1024)),
        ("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]", "gen0 GC/s", 1),
        ("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]", "gen1 GC/s", 1),
        ("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen2]", "gen2 GC/s", 1),
        ("dotnet.gc.pause.time", "GC pause %", 100),
        ("dotnet.thread_pool.work_item.count", "work items/s", 1),
        ("dotnet.monitor.lock_contentions", "lock contentions/s", 1),
        ("dotnet.timer.count", "timers", 1),
        ("orleans-messaging-processing-dispatcher-received", "grain msgs/s", 1),
        ("orleans-app-requests-latency (ms)[Percentile=99]", "grain call p99 ms", 1),
        ("orleansgame.room.tick.duration (ms)[Percentile=50]", "tick ms p50", 1),
        ("orleansgame.room.tick.duration (ms)[Percentile=99]", "tick ms p99", 1),
        ("orleansgame.room.tick.lateness (ms)[Percentile=50]", "tick late ms p50", 1),
        ("orleansgame.room.tick.lateness (ms)[Percentile=99]", "tick late ms p99", 1),
        ("orleansgame.snapshots.delay (ms)[Percentile=50]", "fan-out delay ms p50", 1),
        ("orleansgame.snapshots.delay (ms)[Percentile=99]", "fan-out delay ms p99", 1),
    ];

    private readonly Process process;
    private readonly string output;

    /// <summary>The short names reported, in the order the report's columns take.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Wanted.Select(static w => w.Name)];

    private CountersCollector(Process process, string output)
    {
        this.process = process;
        this.output = output;
    }

    /// <summary>Starts collecting from <paramref name="pid"/> for <paramref name="window"/>; null when the tool cannot start.</summary>
    public static CountersCollector? Start(string toolDirectory, int pid, TimeSpan window, string output)
    {
        var duration = $"00:00:{(int)window.TotalMinutes:D2}:{window.Seconds:D2}";
        var start = new ProcessStartInfo("dotnet", ["tool", "run", "dotnet-counters", "--", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture),
            "--duration", duration, "--format", "csv", "-o", output, "--maxHistograms", "50", "--counters", Providers])
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        try
        {
            var process = Process.Start(start);
            return process is null ? null : new CountersCollector(process, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Waits (bounded) for the tool to finish and returns the means, empty when nothing was collected.</summary>
    public async Task<Dictionary<string, double>> FinishAsync()
    {
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        await drain;
        process.Dispose();
        return File.Exists(output) ? Summarise(await File.ReadAllLinesAsync(output)) : [];
    }

    private static Dictionary<string, double> Summarise(string[] lines)
    {
        var samples = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment
            var fields = line.Split(',');
            if (fields.Length < 5 || !double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var counter = string.Join(',', fields[2..^2]);
            var wanted = Wanted.FirstOrDefault(w => counter.StartsWith(w.Prefix, StringComparison.Ordinal));
            if (wanted.Name is null)
            {
                continue;
            }

            var byTime = samples.TryGetValue(wanted.Name, out var existing) ? existing : samples[wanted.Name] = new(StringComparer.Ordinal);
            byTime[fields[0]] = byTime.GetValueOrDefault(fields[0]) + (value * wanted.Scale);
        }

        return samples.ToDictionary(static p => p.Key, static p => Math.Round(p.Value.Values.Average(), 2), StringComparer.Ordinal);
    }
}

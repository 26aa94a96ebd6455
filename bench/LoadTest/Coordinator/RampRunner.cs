using System.Diagnostics;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// Runs the load levels against one server after another: starts the server, starts the generator processes, raises
/// the bots level by level, measures a steady window at each, stops at the time bound or after the SLO has failed.
/// </summary>
internal sealed class RampRunner(LoadTestOptions options, string runDirectory)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Topology topology = new(options, runDirectory);

    private TimeSpan Remaining => TimeSpan.FromMinutes(options.MaxMinutes) - clock.Elapsed;

    /// <summary>Measures every target in turn; returns all windows.</summary>
    public async Task<List<StepResult>> RunAsync()
    {
        var results = new List<StepResult>();
        foreach (var target in options.Targets)
        {
            if (Remaining <= TimeSpan.Zero)
            {
                Console.WriteLine($"time bound reached; {target} not measured");
                break;
            }

            results.AddRange(await RunTargetAsync(target));
        }

        return results;
    }

    private async Task<List<StepResult>> RunTargetAsync(string target)
    {
        var sides = new List<(string Name, ServerProcess Process)>();
        try
        {
            var server = await topology.StartAsync(target, sides);
            sides.Insert(0, (target, server));
            return await RampAsync(target, server, sides.Skip(1).ToList());
        }
        finally
        {
            // The bots' server first, then what it depends on.
            foreach (var (_, process) in sides)
            {
                await process.DisposeAsync();
            }
        }
    }

    private async Task<List<StepResult>> RampAsync(string target, ServerProcess server, List<(string Name, ServerProcess Process)> sides)
    {
        var results = new List<StepResult>();
        Console.WriteLine($"== {target}: pid {server.Pid} on {server.BaseUri}; {options.Generators} generator process(es), protocol {(options.MessagePack ? "msgpack" : "json")}");
        var workers = Enumerable.Range(0, options.Generators).Select(_ => WorkerProcess.Start(server.BaseUri, options.MessagePack, options.ConnectParallelism, topology.GeneratorCpus, options.RawBots, options.CompactState)).ToList();
        try
        {
            var idle = await MeasureIdleAsync(server, sides);
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"   {target} idle: server side {idle:F1}% of a core over {options.IdleSeconds} s, no bots"));
            var current = 0;
            var failures = 0;
            foreach (var level in options.Steps.Where(s => s > 0).Order())
            {
                var needed = TimeSpan.FromSeconds(options.WarmupSeconds + options.WindowSeconds + 10);
                if (Remaining < needed)
                {
                    Console.WriteLine($"== {target}: time bound reached before {level} bots");
                    break;
                }

                var rest = (Seconds: 0.0, LeftOver: "");
                if (options.Rest && current > 0)
                {
                    rest = await RestAsync(target, server, [server, .. sides.Select(static s => s.Process)], workers);
                    current = 0;
                }

                var connected = await RaiseAsync(workers, current, level);
                current = level;
                Console.WriteLine($"   {target} {level,5} bots: {connected} connected; warming up {options.WarmupSeconds} s, then measuring {options.WindowSeconds} s");
                await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
                var settle = await SettleAsync(target, [server, .. sides.Select(static s => s.Process)]);
                var result = await MeasureAsync(target, level, server, sides, workers, idle) with
                {
                    RestSeconds = Math.Round(rest.Seconds, 1),
                    LeftOver = rest.LeftOver,
                    SettleSeconds = Math.Round(settle.Seconds, 1),
                    JitSettled = settle.Settled,
                };
                results.Add(result);
                Console.WriteLine("   " + Report.Row(result));
                // The ramp goes on while either reading of the SLO holds: a room tick slower than 20 Hz alone fails the strict one at every level.
                failures = result.MeetsSlo || result.MeetsSloAtServerTickRate ? 0 : failures + 1;
                if (failures >= options.FailuresToStop)
                {
                    Console.WriteLine($"== {target}: SLO missed at {failures} level(s) in a row; stopping the ramp");
                    break;
                }
            }
        }
        finally
        {
            Console.WriteLine($"== {target}: stopping the bots and the server");
            await Task.WhenAll(workers.Select(async w => await w.DisposeAsync()));
        }

        return results;
    }

    // After the warm-up, until the servers' JIT compiles next to nothing (at most --settle-max seconds).
    private Task<(double Seconds, bool? Settled)> SettleAsync(string target, IReadOnlyList<ServerProcess> servers) =>
        JitWarmth.SettleAsync(target, servers, TimeSpan.FromSeconds(Math.Min(options.SettleMaxSeconds, Remaining.TotalSeconds - options.WindowSeconds - 10)));

    // The server side's CPU with the generators started and no bot: what a level's CPU is measured above.
    private async Task<double> MeasureIdleAsync(ServerProcess server, List<(string Name, ServerProcess Process)> sides)
    {
        if (options.IdleSeconds <= 0)
        {
            return double.NaN;
        }

        var pids = sides.Select(static s => s.Process.Pid).Prepend(server.Pid).ToList();
        var before = pids.Select(ProcessSample.Read).ToList();
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = pids.Select(ProcessSample.Read).ToList();
        return Math.Round(before.Zip(after, (b, a) => b is null || a is null ? 0 : 100 * (a.CpuSeconds - b.CpuSeconds) / elapsed).Sum(), 2);
    }

    // Every bot leaves; then wait until the server holds no connection on its port and (a gateway, or a split target's
    // silos) no active room.
    private async Task<(double Seconds, string LeftOver)> RestAsync(string target, ServerProcess server, IReadOnlyList<ServerProcess> servers, List<WorkerProcess> workers)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(workers.Select(static w => w.ClearAsync(TimeSpan.FromSeconds(120))));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var bound = TimeSpan.FromSeconds(options.RestMaxSeconds);
        while (true)
        {
            var sockets = await SocketSample.ReadAsync(server.Port, CancellationToken.None);
            var rooms = await ServerMetrics.SumAsync(http, servers, "orleansgame_rooms_active");
            var connections = await ServerMetrics.SumAsync(http, servers, "orleansgame_connections_current");
            var busy = (sockets?.Sockets ?? 0) > 0 || rooms > 0 || connections > 0;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!busy || elapsed >= bound)
            {
                var leftOver = busy
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"after {elapsed.TotalSeconds:F0} s: {sockets?.Sockets ?? 0} sockets, {(rooms is { } r ? $"{r} rooms" : "rooms unknown")}, {(connections is { } c ? $"{c} hub connections" : "hub connections unknown")}")
                    : "";
                Console.WriteLine($"   {target} rest: {elapsed.TotalSeconds:F1} s{(busy ? $", still running {leftOver}" : ", nothing left")}");
                return (elapsed.TotalSeconds, leftOver);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<int> RaiseAsync(List<WorkerProcess> workers, int current, int level)
    {
        var add = level - current;
        var shares = Enumerable.Range(0, workers.Count).Select(i => (add / workers.Count) + (i < add % workers.Count ? 1 : 0)).ToArray();
        var timeout = TimeSpan.FromSeconds(60 + (add * 0.5));
        var answers = await Task.WhenAll(workers.Select((w, i) => w.AddAsync(shares[i], timeout)));
        return answers.Sum(static a => a.Connected);
    }

    private async Task<StepResult> MeasureAsync(string target, int level, ServerProcess server, List<(string Name, ServerProcess Process)> sides, List<WorkerProcess> workers, double idle)
    {
        var machineBefore = MachineSample.Read();
        var serverBefore = ProcessSample.Read(server.Pid);
        var sidesBefore = sides.Select(static s => ProcessSample.Read(s.Process.Pid)).ToList();
        var workersBefore = workers.Select(w => ProcessSample.Read(w.Pid)).ToList();
        var socketsBefore = await SocketSample.ReadAsync(server.Port, CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        List<ServerProcess> servers = [server, .. sides.Select(static s => s.Process)];
        var jitBefore = await JitWarmth.ReadAsync(http, servers);
        var started = Stopwatch.GetTimestamp();
        var counters = options.CountersToolDirectory is { } tool
            ? CountersCollector.Start(tool, server.Pid, TimeSpan.FromSeconds(options.WindowSeconds), Path.Combine(runDirectory, $"counters-{target}-{level}.csv"))
            : null;
        await Task.WhenAll(workers.Select(static w => w.BeginAsync()));
        await Task.Delay(TimeSpan.FromSeconds(options.WindowSeconds));
        var windows = await Task.WhenAll(workers.Select(static w => w.EndAsync()));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var socketsAfter = await SocketSample.ReadAsync(server.Port, CancellationToken.None);
        var jitAfter = await JitWarmth.ReadAsync(http, servers);
        var serverAfter = ProcessSample.Read(server.Pid);
        var sidesAfter = sides.Select(static s => ProcessSample.Read(s.Process.Pid)).ToList();
        var workersAfter = workers.Select(w => ProcessSample.Read(w.Pid)).ToList();
        var machineBusy = MachineSample.Read().BusySince(machineBefore);
        var counterMeans = counters is null ? [] : await counters.FinishAsync();

        var ack = new Histogram();
        var delay = new Histogram();
        var rtt = new Histogram();
        var lag = new Histogram();
        var dispatch = new Histogram();
        var errors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var window in windows)
        {
            ack.Merge(window.InputToAck);
            delay.Merge(window.SnapshotDelay);
            rtt.Merge(window.ServerRtt);
            lag.Merge(window.GeneratorLag);
            dispatch.Merge(window.ReceiveToHandler);
            foreach (var (kind, count) in window.Errors)
            {
                errors[kind] = errors.GetValueOrDefault(kind) + count;
            }
        }

        var seconds = windows.Average(static w => w.Seconds);
        var snapshots = windows.Sum(static w => w.Snapshots);
        var delivered = snapshots / (level * 20.0 * seconds);
        var connectedBots = windows.Sum(static w => w.Bots);
        var spanned = windows.Sum(static w => w.TicksSpanned);
        var tickRate = connectedBots == 0 ? 0 : spanned / (double)connectedBots / seconds;
        var deliveredOfProduced = spanned == 0 ? 0 : snapshots / (double)spanned;
        static double Cpu(ProcessSample? before, ProcessSample? after, double seconds) =>
            before is null || after is null ? double.NaN : 100 * (after.CpuSeconds - before.CpuSeconds) / seconds;
        var generatorCpu = workersBefore.Zip(workersAfter, (b, a) => Math.Round(Cpu(b, a, elapsed), 1)).ToList();
        var serverSideCpu = Cpu(serverBefore, serverAfter, elapsed) + sides.Select((_, i) => Cpu(sidesBefore[i], sidesAfter[i], elapsed)).Sum();
        var bytesOut = socketsBefore is null || socketsAfter is null ? double.NaN : (socketsAfter.BytesSent - socketsBefore.BytesSent) / elapsed;
        var ackP99 = ack.Percentile(0.99);
        var lagP99 = lag.Percentile(0.99);
        var verdict = new Slo(options.SloAckP99Ms, options.SloDelivered).Judge(ackP99, delivered, deliveredOfProduced, connectedBots, level, generatorCpu, lagP99);
        return new StepResult
        {
            Target = target,
            Protocol = options.MessagePack ? "msgpack" : "json",
            Client = options.Client,
            Pinned = options.Pin,
            IdleCpu = idle,
            ServerSideCpu = Math.Round(serverSideCpu, 1),
            // % of a core to ms a second, per player: (cpu% / 100) * 1000 / level.
            CpuMsPerPlayerSecond = Math.Round((serverSideCpu - (double.IsNaN(idle) ? 0 : idle)) * 10 / level, 3),
            GrossCpuMsPerPlayerSecond = Math.Round(serverSideCpu * 10 / level, 3),
            BytesPerPlayerSecond = Math.Round(bytesOut / level),
            JitPerSecond = jitBefore is { } b && jitAfter is { } a ? Math.Round((a - b) / elapsed, 1) : double.NaN,
            BotsPerGeneratorCore = generatorCpu.Sum() is > 0 and var generatorTotal ? Math.Round(level * 100 / generatorTotal) : double.NaN,
            Bots = level,
            Connected = connectedBots,
            TickRate = Math.Round(tickRate, 2),
            DeliveredOfProduced = Math.Round(deliveredOfProduced, 4),
            MeetsSloAtServerTickRate = verdict.MetAtServerTickRate,
            WindowSeconds = Math.Round(seconds, 2),
            SnapshotsPerBotPerSecond = Math.Round(snapshots / (double)level / seconds, 2),
            Delivered = Math.Round(delivered, 4),
            MissedTicks = windows.Sum(static w => w.MissedTicks),
            AckSamples = ack.Count,
            AckP50 = ack.Percentile(0.50),
            AckP95 = ack.Percentile(0.95),
            AckP99 = ackP99,
            AckMax = ack.MaxMs,
            DelayP50 = delay.Percentile(0.50),
            DelayP99 = delay.Percentile(0.99),
            ReceiveToHandlerP99 = dispatch.Percentile(0.99),
            RttP99 = rtt.Percentile(0.99),
            InputsPerSecond = Math.Round(windows.Sum(static w => w.InputsSent) / seconds, 1),
            Errors = errors,
            Disconnects = windows.Sum(static w => w.Disconnects),
            ServerCpu = Math.Round(Cpu(serverBefore, serverAfter, elapsed), 1),
            ServerRssMb = Math.Round(serverAfter?.RssMb ?? double.NaN, 1),
            ServerThreads = serverAfter?.Threads ?? 0,
            OtherProcesses = sides.Select((s, i) => (s.Name, Cpu: Math.Round(Cpu(sidesBefore[i], sidesAfter[i], elapsed), 1), Rss: Math.Round(sidesAfter[i]?.RssMb ?? double.NaN, 1)))
                .ToDictionary(static s => s.Name, static s => $"{s.Cpu}% {s.Rss} MB", StringComparer.Ordinal),
            GeneratorCpu = generatorCpu,
            GeneratorLagP99 = lagP99,
            GeneratorLagMax = lag.MaxMs,
            GeneratorGcPauseMs = Math.Round(windows.Max(static w => w.GcPauseMs), 1),
            MachineBusy = Math.Round(100 * machineBusy, 1),
            BytesOutPerSecond = Math.Round(bytesOut),
            BytesInPerSecond = socketsBefore is null || socketsAfter is null ? double.NaN : Math.Round((socketsAfter.BytesReceived - socketsBefore.BytesReceived) / elapsed),
            Counters = counterMeans,
            MeetsSlo = verdict.Met,
            Verdict = verdict.Reason,
        };
    }
}

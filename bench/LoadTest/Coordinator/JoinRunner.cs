using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrleansGame.LoadTest.Bots;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// Measures quick join under a burst: starts the server, connects every player first (sessions and hub connections,
/// not timed), then has all of them send <c>JoinRoom</c> at once and times the round from the first join sent to the
/// last answer. A hold later it asks who is still connected (a <c>ping_timeout</c> close is a failure) and which rooms
/// the server lists. Further rounds: the players leave their rooms and join again.
/// </summary>
internal sealed class JoinRunner(LoadTestOptions options, string runDirectory)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Topology topology = new(options, runDirectory);

    private TimeSpan Remaining => TimeSpan.FromMinutes(options.MaxMinutes) - clock.Elapsed;

    /// <summary>Measures every target in turn; returns every round.</summary>
    public async Task<List<JoinResult>> RunAsync()
    {
        var results = new List<JoinResult>();
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

    private async Task<List<JoinResult>> RunTargetAsync(string target)
    {
        var sides = new List<(string Name, ServerProcess Process)>();
        var results = new List<JoinResult>();
        try
        {
            var server = await topology.StartAsync(target, sides);
            sides.Insert(0, (target, server));
            var workers = Enumerable.Range(0, options.Generators)
                .Select(_ => WorkerProcess.Start(server.BaseUri, options.MessagePack, options.ConnectParallelism, topology.GeneratorCpus)).ToList();
            try
            {
                var shares = Enumerable.Range(0, workers.Count).Select(i => (options.Players / workers.Count) + (i < options.Players % workers.Count ? 1 : 0)).ToArray();
                var connecting = Stopwatch.StartNew();
                var connected = await Task.WhenAll(workers.Select((w, i) => w.ConnectAsync(shares[i], TimeSpan.FromSeconds(60 + (shares[i] * 0.5)))));
                Console.WriteLine($"== {target}: {connected.Sum(static c => c.Connected)} of {options.Players} players connected in {connecting.Elapsed.TotalSeconds:F1} s; {workers.Count} generator process(es), protocol {(options.MessagePack ? "msgpack" : "json")}");
                await RoundsAsync(target, server, sides, workers, results);
            }
            catch (Exception ex) when ((ex is TimeoutException or InvalidOperationException) && results.Count > 0)
            {
                // A generator that stopped answering ends the target, not the run: the rounds measured stay reported.
                Console.WriteLine($"== {target}: stopped after round {results.Count}: {ex.Message}");
            }
            finally
            {
                Console.WriteLine($"== {target}: stopping the players and the server");
                await Task.WhenAll(workers.Select(async w => await w.DisposeAsync()));
            }
        }
        finally
        {
            // The bots' server first, then what it depends on.
            foreach (var (_, process) in sides)
            {
                await process.DisposeAsync();
            }
        }

        return results;
    }

    // The rounds: before each after the first, the players seated leave their rooms (not timed).
    private async Task RoundsAsync(string target, ServerProcess server, List<(string Name, ServerProcess Process)> sides, List<WorkerProcess> workers, List<JoinResult> results)
    {
        for (var round = 1; round <= options.Rounds; round++)
        {
            if (Remaining < TimeSpan.FromSeconds(options.HoldSeconds + 70))
            {
                Console.WriteLine($"== {target}: time bound reached before round {round}");
                break;
            }

            if (round > 1)
            {
                var left = await Task.WhenAll(workers.Select(w => w.LeaveAsync(TimeSpan.FromSeconds(60 + (options.Players * 0.1)))));
                // The rooms report the leaves to their partitions on their own: let them land before the next burst.
                await Task.Delay(TimeSpan.FromSeconds(2));
                Console.WriteLine($"   {left.Sum()} players left their rooms");
            }

            // A round measures joining, not the JIT compiling what the last round or the connecting ran first.
            var settle = await JitWarmth.SettleAsync(target, [.. sides.Select(static s => s.Process)], TimeSpan.FromSeconds(Math.Min(options.SettleMaxSeconds, Remaining.TotalSeconds - options.HoldSeconds - 70)));
            var result = await RoundAsync(target, round, server, sides.Skip(1).ToList(), workers) with { SettleSeconds = Math.Round(settle.Seconds, 1) };
            results.Add(result);
            Console.WriteLine("   " + JoinReport.Row(result));
        }
    }

    private async Task<JoinResult> RoundAsync(string target, int round, ServerProcess server, List<(string Name, ServerProcess Process)> sides, List<WorkerProcess> workers)
    {
        var loadAverage = double.Parse((await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0], Invariant);
        var machineBefore = MachineSample.Read();
        var serverBefore = ProcessSample.Read(server.Pid);
        var sidesBefore = sides.Select(static s => ProcessSample.Read(s.Process.Pid)).ToList();
        var workersBefore = workers.Select(static w => ProcessSample.Read(w.Pid)).ToList();
        var started = Stopwatch.GetTimestamp();
        var windows = await Task.WhenAll(workers.Select(static w => w.JoinAsync(WorkerHost.JoinTimeout + TimeSpan.FromSeconds(30))));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var serverAfter = ProcessSample.Read(server.Pid);
        var sidesAfter = sides.Select(static s => ProcessSample.Read(s.Process.Pid)).ToList();
        var workersAfter = workers.Select(static w => ProcessSample.Read(w.Pid)).ToList();
        var machineBusy = MachineSample.Read().BusySince(machineBefore);

        await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        var outcomes = await Task.WhenAll(workers.Select(static w => w.OutcomeAsync()));
        var partitions = await PartitionsAsync(target == "split" ? sides.Where(static s => s.Name.StartsWith("silo", StringComparison.Ordinal)).Select(static s => s.Process) : [server]);
        // Listing the rooms wakes every partition a pool may have: only after the last round, so that the partitions
        // counted above are the ones the joins woke.
        var (listedRooms, listedPlayers) = round == options.Rounds ? await ListRoomsAsync(server) : (-1, -1);

        var latency = new Histogram();
        var lag = new Histogram();
        var rooms = new Dictionary<string, int>(StringComparer.Ordinal);
        var rosters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var window in windows)
        {
            latency.Merge(window.Latency);
            lag.Merge(window.GeneratorLag);
            foreach (var (room, players) in window.Rooms)
            {
                rooms[room] = rooms.GetValueOrDefault(room) + players;
            }

            foreach (var (room, roster) in window.Rosters)
            {
                rosters[room] = Math.Max(rosters.GetValueOrDefault(room), roster);
            }
        }

        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in outcomes.SelectMany(static o => o.Failures))
        {
            failures[kind] = failures.GetValueOrDefault(kind) + count;
        }

        var sent = windows.Where(static w => w.Players > 0).ToList();
        var seconds = sent.Count == 0 ? 0 : (sent.Max(static w => w.LastAnsweredAt) - sent.Min(static w => w.FirstSentAt)) / (double)Stopwatch.Frequency;
        var seated = windows.Sum(static w => w.Joined);
        var capacity = windows.Max(static w => w.Capacity);
        var joined = outcomes.Sum(static o => o.Joined);
        static double Cpu(ProcessSample? before, ProcessSample? after, double seconds) =>
            before is null || after is null ? double.NaN : 100 * (after.CpuSeconds - before.CpuSeconds) / seconds;
        var serverCpu = Cpu(serverBefore, serverAfter, elapsed);
        var sideCpus = sides.Select((s, i) => (s.Name, Cpu: Cpu(sidesBefore[i], sidesAfter[i], elapsed))).ToList();
        var serverSideCpu = serverCpu + sideCpus.Sum(static s => s.Cpu);
        return new JoinResult
        {
            Target = target,
            Silos = target == "split" ? options.Silos : 1,
            Pinned = options.Pin,
            Protocol = options.MessagePack ? "msgpack" : "json",
            Round = round,
            Players = options.Players,
            Connected = windows.Sum(static w => w.Players),
            Seated = seated,
            Joined = joined,
            Failed = options.Players - joined,
            Failures = failures,
            Seconds = Math.Round(seconds, 3),
            JoinsPerSecond = seconds > 0 ? Math.Round(seated / seconds) : 0,
            LatencyP50 = latency.Percentile(0.50),
            LatencyP95 = latency.Percentile(0.95),
            LatencyP99 = latency.Percentile(0.99),
            LatencyMax = latency.MaxMs,
            Capacity = capacity,
            Rooms = rooms.Count,
            FullRooms = rooms.Values.Count(n => n >= capacity),
            PartlyFilledRooms = rooms.Values.Count(n => n < capacity),
            Fill = Histogram(rooms.Values),
            RosterFill = Histogram(rosters.Values),
            PartlyFilledByRoster = rosters.Values.Count(n => n < capacity),
            ListedRooms = listedRooms,
            ListedPlayers = listedPlayers,
            Partitions = partitions,
            ServerCpu = Math.Round(serverCpu, 1),
            ServerSideCpu = Math.Round(serverSideCpu, 1),
            ServerCpuMsPerJoin = seated == 0 ? double.NaN : Math.Round(serverSideCpu / 100 * elapsed * 1000 / seated, 2),
            OtherProcesses = sideCpus.ToDictionary(static s => s.Name, static s => Math.Round(s.Cpu, 1), StringComparer.Ordinal),
            GeneratorCpu = workersBefore.Zip(workersAfter, (b, a) => Math.Round(Cpu(b, a, elapsed), 1)).ToList(),
            GeneratorLagP99 = lag.Percentile(0.99),
            GeneratorLagMax = lag.MaxMs,
            GeneratorGcPauseMs = Math.Round(windows.Max(static w => w.GcPauseMs), 1),
            MachineBusy = Math.Round(100 * machineBusy, 1),
            LoadAverage = loadAverage,
        };
    }

    // Rooms by a count: "8": 249, "4": 1, largest first.
    private static Dictionary<string, int> Histogram(IEnumerable<int> counts) =>
        counts.GroupBy(static n => n).OrderByDescending(static g => g.Key).ToDictionary(static g => g.Key.ToString(Invariant), static g => g.Count(), StringComparer.Ordinal);

    // The public rooms the server lists that hold players, and how many players they hold; (-1, -1) when it did not answer.
    private static async Task<(int Rooms, int Players)> ListRoomsAsync(ServerProcess server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await using var body = await http.GetStreamAsync(new Uri(server.BaseUri, "/api/rooms"));
            using var rooms = await JsonDocument.ParseAsync(body);
            var players = rooms.RootElement.EnumerateArray().Select(static r => r.GetProperty("players").GetInt32()).Where(static p => p > 0).ToList();
            return (players.Count, players.Sum());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (-1, -1);
        }
    }

    // The matchmaker partitions active on the given silos, summed from their Prometheus endpoints; -1 when none reports it.
    private static async Task<int> PartitionsAsync(IEnumerable<ServerProcess> silos)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await ServerMetrics.SumAsync(http, silos, "orleansgame_matchmaking_partitions") is { } total ? (int)total : -1;
    }
}

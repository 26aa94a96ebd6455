using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>Turns the windows into the progress line, the Markdown table and the JSON file.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Seconds waited for the JIT after the warm-up; marked when it was still compiling, blank when the server does not say.
    private static string Settle(StepResult r) => r.JitSettled switch
    {
        true => r.SettleSeconds.ToString("F0", Invariant),
        false => r.SettleSeconds.ToString("F0", Invariant) + " (not settled)",
        null => "",
    };

    /// <summary>One line for the console while the ramp runs.</summary>
    public static string Row(StepResult r) => string.Create(Invariant,
        $"{r.Bots,5} bots {r.SnapshotsPerBotPerSecond,5:F2} snap/s ({r.Delivered:P1}; tick {r.TickRate:F2} Hz, {r.DeliveredOfProduced:P1} of produced) ack p50/p99 {r.AckP50:F1}/{r.AckP99:F1} ms max {r.AckMax:F0} | server {r.ServerCpu:F0}% {r.ServerRssMb:F0} MB | gen {string.Join('+', r.GeneratorCpu.Select(c => c.ToString("F0", Invariant)))}% lag p99/max {r.GeneratorLagP99:F0}/{r.GeneratorLagMax:F0} ms | {(r.MeetsSlo ? "ok" : "MISS: " + r.Verdict)}");

    /// <summary>The largest level of <paramref name="target"/> that met the SLO, or 0.</summary>
    public static int Capacity(IEnumerable<StepResult> results, string target) =>
        results.Where(r => r.Target == target && r.MeetsSlo).Select(static r => r.Bots).DefaultIfEmpty(0).Max();

    /// <summary>The largest level of <paramref name="target"/> that met the SLO judged against the rooms' own tick rate, or 0.</summary>
    public static int CapacityAtServerTickRate(IEnumerable<StepResult> results, string target) =>
        results.Where(r => r.Target == target && r.MeetsSloAtServerTickRate).Select(static r => r.Bots).DefaultIfEmpty(0).Max();

    /// <summary>Whether the ramp of <paramref name="target"/> stopped on failures (so its capacity is a measurement, not a lower bound).</summary>
    public static bool ReachedLimit(IEnumerable<StepResult> results, string target) =>
        results.Where(r => r.Target == target).OrderBy(static r => r.Bots).LastOrDefault() is { MeetsSlo: false };

    /// <summary>
    /// Players per server core at the SLO: the largest level meeting it when the server had one core (pinned), else
    /// that level over the server side's CPU there in cores; 0 when no level met it.
    /// </summary>
    public static double PlayersPerServerCore(IEnumerable<StepResult> results, string target) =>
        results.Where(r => r.Target == target && r.MeetsSlo).OrderBy(static r => r.Bots).LastOrDefault() is not { } knee ? 0
        : knee.Pinned ? knee.Bots
        : knee.Bots / Math.Max(0.01, knee.ServerSideCpu / 100);

    /// <summary>The Markdown report: the summary and one table row per window.</summary>
    public static string Markdown(IReadOnlyList<StepResult> results, LoadTestOptions options, string machine)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# Load test {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Invariant, $"Machine: {machine}. Protocol {(options.MessagePack ? "MessagePack" : "JSON")}, state {options.State}; {options.Generators} generator process(es); warm-up {options.WarmupSeconds} s, window {options.WindowSeconds} s per level.");
        md.AppendLine(Invariant, $"SLO: p99 input-to-ack <= {options.SloAckP99Ms} ms and >= {options.SloDelivered:P0} of the expected 20 snapshots/s per bot.");
        md.AppendLine();
        foreach (var target in results.Select(static r => r.Target).Distinct())
        {
            var capacity = Capacity(results, target);
            md.AppendLine(Invariant, $"- **{target}**: largest level meeting the SLO: **{capacity}** bots; judged against the rooms' own tick rate (p99 and no loss): **{CapacityAtServerTickRate(results, target)}** bots{(ReachedLimit(results, target) ? "" : " (the ramp ended before the SLO failed: a lower bound)")}");
        }

        if (results.Any(static r => r.Target == "gateway") && results.Any(static r => r.Target == "bare"))
        {
            var gateway = Capacity(results, "gateway");
            var bare = Capacity(results, "bare");
            var ratio = bare == 0 ? double.NaN : gateway / (double)bare;
            var adjusted = CapacityAtServerTickRate(results, "gateway") / (double)Math.Max(1, CapacityAtServerTickRate(results, "bare"));
            md.AppendLine(Invariant, $"- **ratio gateway / bare hub: {ratio:F2}** (at the rooms' own tick rate: {adjusted:F2}){(ReachedLimit(results, "bare") ? "" : " (the bare hub did not reach its limit: the true ratio is at most this)")}");
        }

        md.AppendLine();
        md.AppendLine(Invariant, $"Per player ({(options.Pin ? "pinned: the server on CPU 0, the generators on the others" : "not pinned")}; bots: {options.Client}{(options.Rest ? "; every level from no bots, after the previous level's rooms and connections were gone" : "")}):");
        md.AppendLine();
        foreach (var target in results.Select(static r => r.Target).Distinct())
        {
            md.AppendLine(Invariant, $"- **{target}: {PlayersPerServerCore(results, target):F0} players per server core at the SLO**{(results.Any(r => r.Target == target && r.Pinned) ? " (the largest level meeting it, the server on one core)" : " (the largest level meeting it over the server side's CPU there, in cores: not pinned)")}");
        }

        md.AppendLine();
        md.AppendLine("| target | bots | client | server side CPU % | idle CPU % | CPU ms / player-s (idle subtracted) | CPU ms / player-s (gross) | bytes sent / player-s | ack p99 ms | SLO | generator CPU % | bots per generator core | rest s | left over | JIT settle s | JIT methods/s in window |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant,
                $"| {r.Target} | {r.Bots} | {r.Client} | {r.ServerSideCpu:F1} | {r.IdleCpu:F1} | {r.CpuMsPerPlayerSecond:F3} | {r.GrossCpuMsPerPlayerSecond:F3} | {r.BytesPerPlayerSecond:F0} | {r.AckP99:F1} | {(r.MeetsSlo ? "yes" : "no")} | {string.Join(" + ", r.GeneratorCpu.Select(c => c.ToString("F0", Invariant)))} | {r.BotsPerGeneratorCore:F0} | {r.RestSeconds:F0} | {r.LeftOver} | {Settle(r)} | {r.JitPerSecond:F1} |");
        }

        md.AppendLine();
        md.AppendLine("| target | bots | connected | snap/s/bot | delivered | tick Hz | of produced | missed ticks | ack p50 | ack p95 | ack p99 | ack max | delay p99 | bot dispatch p99 | rtt p99 | server CPU % | server MB | other processes | generator CPU % | gen lag p99 | gen lag max | gen GC ms | machine busy % | out KB/s | in KB/s | errors | SLO |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            var errors = r.Errors.Count == 0 && r.Disconnects == 0
                ? "0"
                : string.Join(", ", r.Errors.Select(static e => $"{e.Key} {e.Value}").Append($"disconnects {r.Disconnects}"));
            var others = string.Join(", ", r.OtherProcesses.Select(static p => p.Key + " " + p.Value));
            md.AppendLine(Invariant,
                $"| {r.Target} | {r.Bots} | {r.Connected} | {r.SnapshotsPerBotPerSecond:F2} | {r.Delivered:P1} | {r.TickRate:F2} | {r.DeliveredOfProduced:P1} | {r.MissedTicks} | {r.AckP50:F1} | {r.AckP95:F1} | {r.AckP99:F1} | {r.AckMax:F1} | {r.DelayP99:F0} | {r.ReceiveToHandlerP99:F1} | {r.RttP99:F0} | {r.ServerCpu:F0} | {r.ServerRssMb:F0} | {others} | {string.Join(" + ", r.GeneratorCpu.Select(c => c.ToString("F0", Invariant)))} | {r.GeneratorLagP99:F1} | {r.GeneratorLagMax:F0} | {r.GeneratorGcPauseMs:F0} | {r.MachineBusy:F0} | {r.BytesOutPerSecond / 1024:F0} | {r.BytesInPerSecond / 1024:F0} | {errors} | {(r.MeetsSlo ? "yes" : "no: " + r.Verdict)}{(r.MeetsSloAtServerTickRate && !r.MeetsSlo ? " (yes at the rooms' tick rate)" : "")} |");
        }

        var names = CountersCollector.Names.Where(n => results.Any(r => r.Counters.ContainsKey(n))).ToList();
        if (names.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Server runtime counters (dotnet-counters, means over the window):");
            md.AppendLine();
            md.AppendLine("| target | bots | " + string.Join(" | ", names) + " |");
            md.AppendLine("|---|---:|" + string.Concat(names.Select(static _ => "---:|")));
            foreach (var r in results)
            {
                md.AppendLine(Invariant, $"| {r.Target} | {r.Bots} | {string.Join(" | ", names.Select(n => r.Counters.TryGetValue(n, out var v) ? v.ToString("0.##", Invariant) : ""))} |");
            }
        }

        md.AppendLine();
        md.AppendLine("CPU % is of one core (this machine has " + Environment.ProcessorCount.ToString(Invariant) + "); the gateway's figure includes its co-hosted silo (standalone mode); `split` is a silo, a client-mode gateway (the server the bots use) and redis as separate processes. Delay is server tick time to arrival (1 ms resolution); bot dispatch is the part of it after the bot's WebSocket had the message (the SignalR client's parsing and dispatch in the generator). Gen lag is how late the generators' own 10 ms timer ran (their scheduling delay, part of every latency the bots measure; a stall of the whole machine shows in its max); gen GC is the longest total of collection pauses in one generator over the window. rtt is the server's smoothed ping RTT (`rttMs`). Bytes are TCP payload on the server's port. Errors and disconnects are cumulative over the run. Each window opens once the server's JIT compiles fewer than " + JitWarmth.SettledPerSecond.ToString(Invariant) + " methods a second for " + JitWarmth.QuietTime.TotalSeconds.ToString(Invariant) + " s in a row (at most `--settle-max` s after the warm-up): before that, a server on one busy core still runs unoptimized code and its compiler.");
        return md.ToString();
    }

    /// <summary>Writes <c>loadtest-&lt;stamp&gt;.json</c> and <c>.md</c> into the run's directory and returns the Markdown path.</summary>
    public static async Task<string> WriteAsync(IReadOnlyList<StepResult> results, LoadTestOptions options, string directory, string machine)
    {
        var json = JsonSerializer.Serialize(new { machine, options = new { options.Mode, options.Targets, protocol = options.MessagePack ? "msgpack" : "json", state = options.State, options.Steps, options.WarmupSeconds, options.WindowSeconds, options.Generators, options.SloAckP99Ms, options.SloDelivered }, results }, LoadTestJson.Indented);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), json);
        var markdownPath = Path.Combine(directory, "results.md");
        await File.WriteAllTextAsync(markdownPath, Markdown(results, options, machine));
        return markdownPath;
    }
}

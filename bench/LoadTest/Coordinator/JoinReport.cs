using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>Turns the rounds of a <c>joins</c> run into the progress line, the Markdown table and the JSON file.</summary>
internal static class JoinReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One line for the console.</summary>
    public static string Row(JoinResult r) => string.Create(Invariant,
        $"round {r.Round}: {r.Players} players, {r.Joined} joined, {r.Failed} failed{Failures(r, " (", ")")} | {r.JoinsPerSecond:F0} joins/s over {r.Seconds:F2} s | join p50/p95/p99/max {r.LatencyP50:F0}/{r.LatencyP95:F0}/{r.LatencyP99:F0}/{r.LatencyMax:F0} ms | {r.Rooms} rooms, {r.PartlyFilledRooms} partly filled, {r.Partitions} partitions | server {r.ServerSideCpu:F0}% ({r.ServerCpuMsPerJoin:F2} ms/join) | gen {string.Join('+', r.GeneratorCpu.Select(c => c.ToString("F0", Invariant)))}% lag p99 {r.GeneratorLagP99:F0} ms | load {r.LoadAverage:F1}");

    /// <summary>The Markdown report: one table row per round.</summary>
    public static string Markdown(IReadOnlyList<JoinResult> results, LoadTestOptions options, string machine)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# Quick joins {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(Invariant, $"Machine: {machine}. Protocol {(options.MessagePack ? "MessagePack" : "JSON")}; {options.Generators} generator process(es); {options.Players} players connected first, then all quick-joining at once; {options.Rounds} round(s); hold {options.HoldSeconds} s.{(options.Pin ? " Server pinned to CPU 0, generators to the other cores (taskset)." : " Not pinned.")}");
        md.AppendLine();
        md.AppendLine("| target | silos | round | players | joined | failed | joins/s | seconds | join p50 ms | p95 | p99 | max | rooms | full | partly filled | fill (players: rooms) | by roster: partly filled | listed rooms / players | partitions | server CPU % | server side CPU % | CPU ms/join | other processes CPU % | generator CPU % | gen lag p99 / max ms | machine busy % | load avg |");
        md.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---|---:|---|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant,
                $"| {r.Target} | {r.Silos} | {r.Round} | {r.Players} | {r.Joined} | {r.Failed}{Failures(r, ": ", "")} | {r.JoinsPerSecond:F0} | {r.Seconds:F2} | {r.LatencyP50:F0} | {r.LatencyP95:F0} | {r.LatencyP99:F0} | {r.LatencyMax:F0} | {r.Rooms} | {r.FullRooms} | {r.PartlyFilledRooms} | {string.Join(", ", r.Fill.Select(static f => $"{f.Key}: {f.Value}"))} | {r.PartlyFilledByRoster} | {(r.ListedRooms < 0 ? "" : $"{r.ListedRooms} / {r.ListedPlayers}")} | {r.Partitions} | {r.ServerCpu:F0} | {r.ServerSideCpu:F0} | {r.ServerCpuMsPerJoin:F2} | {string.Join(", ", r.OtherProcesses.Select(static p => $"{p.Key} {p.Value:F0}"))} | {string.Join(" + ", r.GeneratorCpu.Select(c => c.ToString("F0", Invariant)))} | {r.GeneratorLagP99:F0} / {r.GeneratorLagMax:F0} | {r.MachineBusy:F0} | {r.LoadAverage:F1} |");
        }

        md.AppendLine();
        md.AppendLine("Joins/s is the joins answered with a seat over the time from the first `JoinRoom` sent to the last answer. Join latency is one join from the bot's call to its answer (seated joins; the generator's own lag is in it). Joined counts players seated and still connected a hold after the last answer; failed are the others, by what happened: `closing_<reason>` (the server closed the connection, `ping_timeout` included), `join_<code>` (the join was refused or lost), `disconnected`, `not_connected`. Rooms and fill count this round's players in the rooms the join results named; by roster counts a room's largest roster in the round's join results (held seats of dropped players included); listed is `GET /api/rooms` a hold after the last round (not after earlier ones: listing wakes every partition); partitions is `orleansgame_matchmaking_partitions` summed over the silos. CPU % is of one core over the round (this machine has " + Environment.ProcessorCount.ToString(Invariant) + "); server is the process the players connect to (standalone: with its co-hosted silo), server side adds the silos and redis of `split`. Round 1 meets a server that has seated nobody yet; in later rounds the same players left their rooms and join again.");
        return md.ToString();
    }

    /// <summary>Writes <c>results.json</c> and <c>results.md</c> into the run's directory and returns the Markdown path.</summary>
    public static async Task<string> WriteAsync(IReadOnlyList<JoinResult> results, LoadTestOptions options, string directory, string machine)
    {
        var json = JsonSerializer.Serialize(new { machine, options = new { options.Mode, options.Targets, protocol = options.MessagePack ? "msgpack" : "json", options.Players, options.Rounds, options.Silos, options.Pin, options.HoldSeconds, options.Generators }, results }, LoadTestJson.Indented);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), json);
        var markdownPath = Path.Combine(directory, "results.md");
        await File.WriteAllTextAsync(markdownPath, Markdown(results, options, machine));
        return markdownPath;
    }

    private static string Failures(JoinResult r, string before, string after) =>
        r.Failures.Count == 0 ? "" : before + string.Join(", ", r.Failures.OrderByDescending(static f => f.Value).Select(static f => $"{f.Key} {f.Value}")) + after;
}

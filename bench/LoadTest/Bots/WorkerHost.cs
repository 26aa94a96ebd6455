using System.Text.Json;
using OrleansGame.LoadTest.Bots.Raw;

namespace OrleansGame.LoadTest.Bots;

/// <summary>
/// A generator process driven by the coordinator over standard input, one command a line
/// (<c>add N</c>, <c>begin</c>, <c>end</c>, <c>clear</c>, <c>stop</c>; for rounds of quick joins <c>connect N</c>, <c>join</c>,
/// <c>outcome</c>, <c>leave</c>, SignalR client bots only); each answer is one line on standard output starting with <c>@@</c>.
/// </summary>
internal static class WorkerHost
{
    /// <summary>The prefix of every answer line.</summary>
    public const string AnswerPrefix = "@@ ";

    /// <summary>How long one quick join of a round may take before it counts as failed (<c>timeout</c>).</summary>
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Serves commands until <c>stop</c> or the end of input.</summary>
    public static async Task<int> RunAsync(Uri server, bool messagePack, int connectParallelism, bool raw, bool compactState = false)
    {
        await using IBotFleet fleet = raw ? new RawFleet(server, messagePack, connectParallelism, compactState) : new BotFleet(server, messagePack, connectParallelism);
        await using var lag = new LagProbe(fleet.Metrics);
        using var stdin = new StreamReader(Console.OpenStandardInput());
        while (await stdin.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts)
            {
                case ["add", var n] when int.TryParse(n, out var count):
                    var started = await fleet.AddAsync(count, CancellationToken.None);
                    Answer($"added {started} {fleet.Connected}");
                    break;
                case ["connect", var n] when int.TryParse(n, out var count) && fleet is BotFleet players:
                    var connected = await players.ConnectAsync(count, CancellationToken.None);
                    Answer($"connected {connected} {fleet.Connected}");
                    break;
                case ["join"] when fleet is BotFleet players:
                    Answer(JsonSerializer.Serialize(await players.JoinAllAsync(JoinTimeout), LoadTestJson.Options));
                    break;
                case ["outcome"] when fleet is BotFleet players:
                    Answer(JsonSerializer.Serialize(players.Outcome(), LoadTestJson.Options));
                    break;
                case ["leave"] when fleet is BotFleet players:
                    Answer($"left {await players.LeaveAllAsync(CancellationToken.None)}");
                    break;
                case ["clear"]:
                    await fleet.ClearAsync();
                    Answer($"cleared {fleet.Connected}");
                    break;
                case ["begin"]:
                    fleet.Begin();
                    Answer("begun");
                    break;
                case ["end"]:
                    Answer(JsonSerializer.Serialize(fleet.End(), LoadTestJson.Options));
                    break;
                case ["stop"]:
                    Answer("stopping");
                    return 0;
                default:
                    Answer($"unknown {line}");
                    break;
            }
        }

        return 0;
    }

    private static void Answer(string text)
    {
        Console.Out.WriteLine(AnswerPrefix + text);
        Console.Out.Flush();
    }
}

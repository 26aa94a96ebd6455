// Plays Orb Arena as a bot: dotnet run --project samples/ArenaBot -- [url] [seconds] [json|msgpack]
using System.Globalization;
using OrleansGame.Client;
using OrleansGame.Samples.ArenaBot;

var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5000");
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var protocol = args.Length > 2 && args[2] == "msgpack" ? GameProtocol.MessagePack : GameProtocol.Json;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
await using var client = new GameClient(new GameClientOptions { BaseAddress = url, Protocol = protocol });
client.Closing += (_, closing) => Console.WriteLine($"closing: {closing.Reason} ({closing.Message})");
var stats = await Bot.PlayAsync(client, "CsBot", TimeSpan.FromSeconds(seconds), stop.Token);
Console.WriteLine(stats);
return stats.Snapshots > 0 ? 0 : 1;

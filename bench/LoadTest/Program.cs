using System.Globalization;
using OrleansGame.LoadTest;
using OrleansGame.LoadTest.Bots;
using OrleansGame.LoadTest.Coordinator;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: LoadTest [ramp|run|pinned] [--targets gateway,bare,split] [--protocol json|msgpack] [--client signalr|raw] [--state full|delta] [--rest] [--rest-max S] [--idle S] [--steps 50,100,...|--bots N] [--warmup S] [--settle-max S] [--window S] "
        + "[--generators K] [--connect-parallelism K] [--failures-to-stop K] [--max-minutes M] [--slo-p99-ms MS] [--slo-delivered SHARE] "
        + "[--silos N] [--pin] [--gateway-dll PATH] [--barehub-dll PATH] [--silo-dll PATH] [--counters TOOL-DIR] [--out DIR]");
    Console.Error.WriteLine("       LoadTest joins [--players N] [--rounds R] [--hold S] [--targets gateway,split] [--silos N] [--pin] [--protocol json|msgpack] "
        + "[--generators K] [--connect-parallelism K] [--max-minutes M] [--gateway-dll PATH] [--silo-dll PATH] [--out DIR]");
    return 2;
}

if (options.Mode == "worker")
{
    if (options.Url is not { IsLoopback: true } url)
    {
        Console.Error.WriteLine("a worker needs --url of a loopback server");
        return 2;
    }

    return await WorkerHost.RunAsync(url, options.MessagePack, options.ConnectParallelism, options.RawBots, options.CompactState);
}

if (options.Mode is not ("ramp" or "run" or "pinned" or "joins"))
{
    Console.Error.WriteLine($"unknown mode {options.Mode}");
    return 2;
}

var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var runDirectory = Path.GetFullPath(Path.Combine(options.OutputDirectory, $"{stamp}-{options.Mode}-{(options.MessagePack ? "msgpack" : "json")}{(options.CompactState ? "-delta" : "")}"));
Directory.CreateDirectory(runDirectory);
var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average before the run {File.ReadAllText("/proc/loadavg").Split(' ')[0]}";
Console.WriteLine($"load test: {machine}; results in {runDirectory}");
if (options.Mode == "joins")
{
    var rounds = await new JoinRunner(options, runDirectory).RunAsync();
    var joinsMarkdown = await JoinReport.WriteAsync(rounds, options, runDirectory, machine);
    Console.WriteLine();
    Console.WriteLine(await File.ReadAllTextAsync(joinsMarkdown));
    return rounds.Count > 0 ? 0 : 1;
}

var results = await new RampRunner(options, runDirectory).RunAsync();
var markdown = await Report.WriteAsync(results, options, runDirectory, machine);
Console.WriteLine();
Console.WriteLine(await File.ReadAllTextAsync(markdown));
return results.Count > 0 ? 0 : 1;

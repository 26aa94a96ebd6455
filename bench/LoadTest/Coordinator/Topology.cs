using System.Globalization;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// Starts the server side of a target: the standalone gateway (co-hosted silo), the bare hub, or the split topology
/// (redis, <see cref="LoadTestOptions.Silos"/> silos and a client-mode gateway as separate processes). With
/// <see cref="LoadTestOptions.Pin"/> every server process runs on the first core and the generators on the others.
/// </summary>
internal sealed class Topology(LoadTestOptions options, string runDirectory)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The CPU list of the server's processes when pinned, else null.</summary>
    public string? ServerCpus => options.Pin ? "0" : null;

    /// <summary>The CPU list of the generator processes when pinned, else null.</summary>
    public string? GeneratorCpus => options.Pin ? $"1-{Environment.ProcessorCount - 1}" : null;

    /// <summary>
    /// Starts <paramref name="target"/>; returns the process the bots connect to, and adds every other process it
    /// started to <paramref name="sides"/> (named; stop them after the bots' server, in that order).
    /// </summary>
    public async Task<ServerProcess> StartAsync(string target, List<(string Name, ServerProcess Process)> sides)
    {
        Console.WriteLine($"== {target}: starting{(options.Pin ? $" (server on CPU {ServerCpus}, generators on CPU {GeneratorCpus})" : "")}");
        switch (target)
        {
            case "gateway":
                var operations = OperationsUrl();
                var gateway = await ServerProcess.StartAsync(options.GatewayDll, GatewayEnvironment(operations), Log(target), StartTimeout, GatewayReadyPath, ServerCpus);
                gateway.MetricsUri = await MetricsUriAsync(new Uri(operations + "/"), gateway.BaseUri);
                return gateway;
            case "bare":
                // Under the scheduling policy the gateway sets for itself, to compare like with like.
                return await ServerProcess.StartAsync(
                    options.BareHubDll, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, Log(target), StartTimeout, cpus: ServerCpus,
                    batchScheduling: true);
            case "split":
                return await StartSplitAsync(target, sides);
            default:
                throw new ArgumentException($"unknown target {target}");
        }
    }

    // The operations port's /metrics, or the game port's for a build from before the operations port (the base of an A/B).
    private static async Task<Uri> MetricsUriAsync(Uri operations, Uri game)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(operations, "/metrics"));
            if (response.IsSuccessStatusCode)
            {
                return operations;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Nothing listens there.
        }

        return game;
    }

    private async Task<ServerProcess> StartSplitAsync(string target, List<(string Name, ServerProcess Process)> sides)
    {
        var redisPort = ServerProcess.FreePort();
        var redis = await ServerProcess.StartAsync("redis-server", ["--port", $"{redisPort}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            runDirectory, new Dictionary<string, string>(), Log("redis"), redisPort, null, StartTimeout, ServerCpus);
        sides.Add(("redis", redis));
        var cluster = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__redis"] = $"127.0.0.1:{redisPort}",
            ["Orleans__ClusterId"] = $"bench-{Environment.ProcessId}",
        };
        for (var i = 0; i < options.Silos; i++)
        {
            var name = options.Silos == 1 ? "silo" : $"silo{i + 1}";
            var siloPort = ServerProcess.FreePort();
            var siloEnvironment = new Dictionary<string, string>(cluster)
            {
                ["Orleans__SiloPort"] = $"{ServerProcess.FreePort()}",
                ["Orleans__GatewayPort"] = $"{ServerProcess.FreePort()}",
                ["Orleans__AdvertisedAddress"] = "127.0.0.1",
                ["Dashboard__Url"] = $"http://127.0.0.1:{ServerProcess.FreePort()}",
                ["Urls"] = $"http://127.0.0.1:{siloPort}",
            };
            var silo = await ServerProcess.StartAsync("dotnet", [options.SiloDll], Path.GetDirectoryName(Path.GetFullPath(options.SiloDll))!,
                siloEnvironment, Log(name), siloPort, "/healthz", StartTimeout, ServerCpus);
            // Before redis, which stops last: a stopping silo still writes its grains' last checkpoints there.
            sides.Insert(sides.Count - 1, (name, silo));
        }

        var gatewayPort = ServerProcess.FreePort();
        var operations = OperationsUrl();
        var gatewayEnvironment = new Dictionary<string, string>(cluster)
        {
            ["Orleans__Mode"] = "Client",
            ["Auth__SigningKey"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Limits__MaxConnectionsPerAddress"] = "100000",
            ["Limits__SessionsPerMinutePerAddress"] = "100000",
            ["Limits__QueriesPerMinutePerAddress"] = "100000",
            ["Operations__Url"] = operations,
        };
        var gateway = await ServerProcess.StartAsync("dotnet", [options.GatewayDll, "--urls", $"http://127.0.0.1:{gatewayPort}"],
            Path.GetDirectoryName(Path.GetFullPath(options.GatewayDll))!, gatewayEnvironment, Log(target), gatewayPort, GatewayReadyPath, StartTimeout, ServerCpus);
        gateway.MetricsUri = await MetricsUriAsync(new Uri(operations + "/"), gateway.BaseUri);
        return gateway;
    }

    // The gateway's health endpoints are on its operations port; this public request needs the grains just as /readyz
    // does, and every gateway build has it (so an A/B can measure builds from before the room API, which had no /api/modes).
    private const string GatewayReadyPath = "/api/leaderboard";

    private static string OperationsUrl() => $"http://127.0.0.1:{ServerProcess.FreePort()}";

    private Dictionary<string, string> GatewayEnvironment(string operationsUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        // All bots come from 127.0.0.1: lift the per-address caps, and nothing else.
        ["Limits__MaxConnectionsPerAddress"] = "100000",
        ["Limits__SessionsPerMinutePerAddress"] = "100000",
        ["Limits__QueriesPerMinutePerAddress"] = "100000",
        // Free ports so that the co-hosted silo never meets another one on this machine (nor the operations listener).
        ["Operations__Url"] = operationsUrl,
        ["Orleans__SiloPort"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        ["Orleans__GatewayPort"] = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        ["Orleans__ClusterId"] = $"bench-{Environment.ProcessId}",
    };

    private string Log(string name) => Path.Combine(runDirectory, $"{name}.log");
}

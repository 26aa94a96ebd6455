using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>
/// The cluster of docker-compose.yml as loopback processes: a real redis-server, two silos, two client-mode gateways
/// and nginx in front (the deploy/nginx snippets), each on a free port. Members can be stopped (SIGTERM), killed
/// (SIGKILL) and started again on the same ports. Everything is killed on dispose.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);
    private readonly string clusterId = $"test-{Guid.NewGuid():N}";
    private readonly string signingKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
    private readonly string directory = Directory.CreateTempSubdirectory("orleansgame-cluster-").FullName;
    private readonly Member[] silos = [new("silo1"), new("silo2")];
    private readonly Member[] gateways = [new("gateway1"), new("gateway2")];
    private RedisServer? redis;
    private ChildProcess? nginx;

    /// <summary>The game's address through nginx.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>A client for the HTTP API through nginx.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>nginx's access log (format <c>game_access</c> of deploy/nginx/game-http.conf).</summary>
    public string AccessLogPath => Path.Combine(directory, "nginx-access.log");

    /// <summary>The silos.</summary>
    public IReadOnlyList<Member> Silos => silos;

    /// <summary>The gateways.</summary>
    public IReadOnlyList<Member> Gateways => gateways;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        _ = Tools.Find("nginx") ?? throw new InvalidOperationException("nginx is not installed: apt-get install nginx (test.sh installs it).");
        redis = await RedisServer.StartAsync();
        await Task.WhenAll(silos.Select(StartSiloAsync));
        await Task.WhenAll(gateways.Select(StartGatewayAsync));
        await StartNginxAsync();
    }

    /// <summary>
    /// Starts a silo (again) on its ports and waits, with a bound, until /healthz answers and every running gateway's
    /// /readyz does.
    /// </summary>
    public async Task StartSiloAsync(Member silo)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        silo.Ports ??= [FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var (http, siloPort, gatewayPort, dashboard) = (silo.Ports[0], silo.Ports[1], silo.Ports[2], silo.Ports[3]);
        silo.OperationsPort = http;
        silo.Process = ChildProcess.Start(silo.Name, "dotnet", [BuiltPrograms.SiloDll], new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = redis!.ConnectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = siloPort.ToString(),
            ["Orleans__GatewayPort"] = gatewayPort.ToString(),
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
            ["Orleans__Membership__NumMissedProbesLimit"] = "2",
            ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Dashboard__Url"] = $"http://127.0.0.1:{dashboard}",
            ["HostOptions__ShutdownTimeout"] = "00:00:20",
            ["Arena__RoundDuration"] = "00:00:05",
            ["Arena__ResultsDuration"] = "00:00:01",
            // A Four in a Row turn outlasts a graceful stop: a hand-over mid-game must not end the game on the clock.
            ["FourInARow__TurnTime"] = "00:05:00",
            ["Logging__LogLevel__OrleansGame"] = "Information",
        }, Path.GetDirectoryName(BuiltPrograms.SiloDll));
        await Silo.Tests.Infrastructure.Http.WaitForOkAsync(Http, $"http://127.0.0.1:{http}/healthz", silo.Process, StartBound);

        // And every running gateway reaches the cluster again: after a restart of every silo, a gateway probes with a
        // growing wait, and a test that asks it at once (its /readyz, a push to an idle player) would find it cut off.
        foreach (var gateway in gateways.Where(g => g.Process is { HasExited: false }))
        {
            await Silo.Tests.Infrastructure.Http.WaitForOkAsync(Http, $"http://127.0.0.1:{gateway.OperationsPort}/readyz", gateway.Process!, StartBound);
        }

        Console.WriteLine($"[cluster] {silo.Name} up in {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Starts a gateway (again) on its ports and waits, with a bound, until /readyz answers on its operations port.</summary>
    public async Task StartGatewayAsync(Member gateway)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        gateway.Ports ??= [FreePort.Next(), FreePort.Next()];
        gateway.OperationsPort = gateway.Ports[1];
        gateway.Process = ChildProcess.Start(gateway.Name, "dotnet", [BuiltPrograms.GatewayDll], new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = redis!.ConnectionString,
            ["Orleans__Mode"] = "Client",
            ["Orleans__ClusterId"] = clusterId,
            ["Auth__SigningKey"] = signingKey,
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["Urls"] = $"http://127.0.0.1:{gateway.Ports[0]}",
            ["Operations__Url"] = $"http://127.0.0.1:{gateway.OperationsPort}",
            ["HostOptions__ShutdownTimeout"] = "00:00:05",
            ["Limits__SessionsPerMinutePerAddress"] = "1000",
            // Every request comes through nginx from 127.0.0.1, and the tests poll the query endpoints.
            ["Limits__QueriesPerMinutePerAddress"] = "100000",
            ["Logging__LogLevel__OrleansGame"] = "Information",
        }, Path.GetDirectoryName(BuiltPrograms.GatewayDll));
        await Silo.Tests.Infrastructure.Http.WaitForOkAsync(Http, $"http://127.0.0.1:{gateway.OperationsPort}/readyz", gateway.Process, StartBound);
        Console.WriteLine($"[cluster] {gateway.Name} ready in {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>
    /// Starts again every silo and gateway that is not running (a test before this one failed before it could restart
    /// what it stopped), so that a test begins with the whole cluster.
    /// </summary>
    public async Task EnsureRunningAsync()
    {
        foreach (var member in silos.Concat(gateways).Where(m => m.Process is not { HasExited: false }))
        {
            Console.WriteLine($"[cluster] {member.Name} is not running; starting it");
            if (member.Process is { } exited)
            {
                member.Process = null;
                await exited.DisposeAsync();
            }

            await (silos.Contains(member) ? StartSiloAsync(member) : StartGatewayAsync(member));
        }
    }

    /// <summary>Stops a member with SIGTERM and waits, with a bound, for its exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(Member member)
    {
        var process = member.Process ?? throw new InvalidOperationException($"{member.Name} is not running");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        process.Terminate();
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"[cluster] {member.Name} stopped (SIGTERM) in {clock.ElapsedMilliseconds} ms, exit code {code}");
        member.Process = null;
        await process.DisposeAsync();
        return code;
    }

    /// <summary>Kills a member with SIGKILL.</summary>
    public async Task KillAsync(Member member)
    {
        var process = member.Process ?? throw new InvalidOperationException($"{member.Name} is not running");
        process.Kill();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        member.Process = null;
        await process.DisposeAsync();
    }

    /// <summary>
    /// The running silo whose log last shows the room opened (<c>Room {id} opened for mode ...</c>) or resumed
    /// (<c>Room {id} of mode ... resumed</c>) there, or null.
    /// </summary>
    public Member? HostOf(string roomId) =>
        silos.Where(s => s.Process is { HasExited: false })
            .Select(s => (Silo: s, Log: s.Process!.Output))
            .Select(x => (x.Silo, At: Math.Max(x.Log.LastIndexOf($"Room {roomId} opened", StringComparison.Ordinal), x.Log.LastIndexOf($"Room {roomId} of mode", StringComparison.Ordinal)),
                Left: x.Log.LastIndexOf($"Room {roomId} deactivating", StringComparison.Ordinal)))
            .Where(x => x.At >= 0 && x.At > x.Left)
            .Select(x => x.Silo)
            .FirstOrDefault();

    /// <summary>The gateway whose log shows the player's newest connection, or null.</summary>
    public Member? GatewayOf(string playerId) =>
        gateways.Where(g => g.Process is { HasExited: false })
            .Select(g => (Gateway: g, At: g.Process!.Output.LastIndexOf($"Player {playerId} connected", StringComparison.Ordinal)))
            .Where(x => x.At >= 0)
            .Select(x => x.Gateway)
            .FirstOrDefault();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        foreach (var member in gateways.Concat(silos))
        {
            if (member.Process is { } process)
            {
                await process.DisposeAsync();
            }
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private async Task StartNginxAsync()
    {
        var port = FreePort.Next();
        var deploy = Path.Combine(BuiltPrograms.RepositoryRoot, "deploy", "nginx");
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/nginx-error.log warn;
            events { worker_connections 1024; }
            http {
                include {{deploy}}/game-http.conf;
                access_log {{AccessLogPath}} game_access;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream gateways {
                    hash $game_sticky_key consistent;
                    server 127.0.0.1:{{gateways[0].Ports![0]}} max_fails=1 fail_timeout=2s;
                    server 127.0.0.1:{{gateways[1].Ports![0]}} max_fails=1 fail_timeout=2s;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    include {{deploy}}/game-proxy.conf;
                }
            }
            """);
        nginx = ChildProcess.Start("nginx", Tools.Find("nginx")!, ["-p", directory, "-c", config, "-e", Path.Combine(directory, "nginx-error.log")], new Dictionary<string, string?>());
        Url = new Uri($"http://127.0.0.1:{port}/");
        await Silo.Tests.Infrastructure.Http.WaitForOkAsync(Http, new Uri(Url, "nginx-health").ToString(), nginx, TimeSpan.FromSeconds(20));
    }
}

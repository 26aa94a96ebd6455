using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>
/// A server under test (the gateway or the bare hub) started from its built dll on a free loopback port, its output
/// written to a log file, stopped (SIGTERM, then kill) at the end.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The runtime's setting for the smallest generation 0 budget, in hexadecimal bytes.</summary>
    public const string Gen0SizeVariable = "DOTNET_GCgen0size";

    /// <summary>64 MB, the programs' deployed value.</summary>
    public const string Gen0Size = "0x4000000";

    // Every port FreePort gave out in this process.
    private static readonly HashSet<int> HandedOut = [];

    private readonly Process process;
    private readonly Task pump;
    private readonly StreamWriter log;

    private ServerProcess(Process process, StreamWriter log, int port)
    {
        this.process = process;
        this.log = log;
        Port = port;
        pump = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    /// <summary>The HTTP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The process id.</summary>
    public int Pid => process.Id;

    /// <summary>The server's base address.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>
    /// Where the server answers <c>/metrics</c>: its operations port when it has one (a gateway), else
    /// <see cref="BaseUri"/>; null for a process that is no HTTP server (redis).
    /// </summary>
    public Uri? MetricsUri { get; set; }

    /// <summary>
    /// Starts <paramref name="dll"/> with <c>dotnet</c> on a free port (on <paramref name="cpus"/> when given) and waits
    /// until <paramref name="readyPath"/> answers there (the bare hub's <c>/healthz</c>; the gateway keeps its health
    /// endpoints on its operations port, so <c>/api/modes</c>, which needs the grains, stands in on the game's). With
    /// <paramref name="batchScheduling"/> every thread of the server runs under Linux's <c>SCHED_BATCH</c> from its
    /// start (<c>chrt</c>), as the gateway and the silo set for themselves: for a program that does not (the bare hub).
    /// </summary>
    public static Task<ServerProcess> StartAsync(
        string dll, IReadOnlyDictionary<string, string> environment, string logPath, TimeSpan timeout, string readyPath = "/healthz", string? cpus = null,
        bool batchScheduling = false)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The server's dll is not built: {dll}", dll);
        }

        var port = FreePort();
        return StartAsync(
            "dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(Path.GetFullPath(dll))!, environment, logPath, port, readyPath, timeout, cpus,
            batchScheduling);
    }

    /// <summary>
    /// The command line that runs <paramref name="command"/> on <paramref name="cpus"/> only (a <c>taskset</c> CPU list)
    /// and, with <paramref name="batchScheduling"/>, under <c>SCHED_BATCH</c> (<c>chrt --batch 0</c>); unchanged without
    /// either. <c>taskset</c> and <c>chrt</c> execute the command in their own process, so the process id is the command's.
    /// </summary>
    public static (string Command, List<string> Arguments) CommandLine(string? cpus, bool batchScheduling, string command, IEnumerable<string> arguments)
    {
        List<string> line = [command, .. arguments];
        if (cpus is not null)
        {
            line = ["taskset", "-c", cpus, .. line];
        }

        if (batchScheduling)
        {
            line = ["chrt", "--batch", "0", .. line];
        }

        return (line[0], line[1..]);
    }

    /// <summary>
    /// Starts <paramref name="command"/> and waits until <paramref name="healthPath"/> answers on <paramref name="port"/>,
    /// or, without a path, until the port accepts a TCP connection; on <paramref name="cpus"/> only when given, under
    /// <c>SCHED_BATCH</c> with <paramref name="batchScheduling"/>.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string command, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string logPath, int port, string? healthPath, TimeSpan timeout, string? cpus = null, bool batchScheduling = false)
    {
        var (program, programArguments) = CommandLine(cpus, batchScheduling, command, arguments);
        var start = new ProcessStartInfo(program, programArguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        if (command == "dotnet" && !start.Environment.ContainsKey(Gen0SizeVariable))
        {
            // As the images and the launch profile run the programs (docs/operations.md); the bare hub too, to compare
            // like with like. Set in the tool's own environment (0: the runtime's default), it reaches them unchanged.
            start.Environment[Gen0SizeVariable] = Gen0Size;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var server = new ServerProcess(process, log, port);
        server.MetricsUri = healthPath is null ? null : server.BaseUri;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !process.HasExited)
        {
            if (await server.AnswersAsync(http, healthPath))
            {
                return server;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var exited = process.HasExited ? $"exited with code {process.ExitCode} before it answered" : $"did not become healthy within {timeout.TotalSeconds} s";
        await server.DisposeAsync();
        var end = string.Join(Environment.NewLine, (await File.ReadAllLinesAsync(logPath)).TakeLast(20));
        throw new InvalidOperationException($"{program} {string.Join(' ', programArguments)} {exited}; the end of {logPath}:{Environment.NewLine}{end}");
    }

    /// <summary>
    /// A port nobody listens on right now, and never handed out before by this process: a server is given several
    /// (its HTTP, operations, silo and gateway ports), and the system may offer the same free port twice in a row.
    /// Another process may still take it before the server binds, rarely.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM lets the host shut down gracefully; kill it if it has not within the bound.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        await pump;
        await log.DisposeAsync();
        process.Dispose();
    }

    private async Task<bool> AnswersAsync(HttpClient http, string? healthPath)
    {
        try
        {
            if (healthPath is null)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }

            using var response = await http.GetAsync(new Uri(BaseUri, healthPath));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
        {
            return false;
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using OrleansGame.LoadTest.Bots;
using OrleansGame.LoadTest.Metrics;

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>A generator process (this program in <c>worker</c> mode) driven over its standard input.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<string> answers = Channel.CreateUnbounded<string>();
    private readonly Task pump;

    private WorkerProcess(Process process)
    {
        this.process = process;
        pump = Task.WhenAll(PumpAnswersAsync(), PumpErrorsAsync());
    }

    /// <summary>The process id.</summary>
    public int Pid => process.Id;

    /// <summary>Starts a worker against <paramref name="server"/>, on <paramref name="cpus"/> only when given (a <c>taskset</c> CPU list).</summary>
    public static WorkerProcess Start(Uri server, bool messagePack, int connectParallelism, string? cpus = null, bool raw = false, bool compactState = false)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(cpus is null ? self : "taskset")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add(self);
        }

        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "worker", "--url", server.ToString(), "--protocol", messagePack ? "msgpack" : "json", "--connect-parallelism", connectParallelism.ToString(System.Globalization.CultureInfo.InvariantCulture), "--client", raw ? "raw" : "signalr", "--state", compactState ? "delta" : "full" })
        {
            start.ArgumentList.Add(argument);
        }

        // Workers share the machine with the server: one workstation GC heap each.
        start.Environment["DOTNET_gcServer"] = "0";
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start a worker"));
    }

    /// <summary>Starts <paramref name="count"/> more bots; returns (started, connected now).</summary>
    public async Task<(int Started, int Connected)> AddAsync(int count, TimeSpan timeout)
    {
        var answer = await AskAsync($"add {count}", timeout);
        var parts = answer.Split(' ');
        return (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Starts <paramref name="count"/> more players that connect and do nothing else; returns (started, connected now).</summary>
    public async Task<(int Started, int Connected)> ConnectAsync(int count, TimeSpan timeout)
    {
        var answer = await AskAsync($"connect {count}", timeout);
        var parts = answer.Split(' ');
        return (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Has every connected player quick-join at once and returns when all have their answer.</summary>
    public async Task<JoinWindow> JoinAsync(TimeSpan timeout) =>
        JsonSerializer.Deserialize<JoinWindow>(await AskAsync("join", timeout), LoadTestJson.Options) ?? throw new InvalidOperationException("empty worker report");

    /// <summary>What became of the players since their join: who is still connected, who was closed and why.</summary>
    public async Task<JoinOutcome> OutcomeAsync() =>
        JsonSerializer.Deserialize<JoinOutcome>(await AskAsync("outcome", TimeSpan.FromSeconds(30)), LoadTestJson.Options) ?? throw new InvalidOperationException("empty worker report");

    /// <summary>Has every player seated in the last round leave its room; returns how many left.</summary>
    public async Task<int> LeaveAsync(TimeSpan timeout) =>
        int.Parse((await AskAsync("leave", timeout)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stops every bot of the worker; returns the bots still connected (0).</summary>
    public async Task<int> ClearAsync(TimeSpan timeout) =>
        int.Parse((await AskAsync("clear", timeout)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Opens the window.</summary>
    public Task BeginAsync() => AskAsync("begin", TimeSpan.FromSeconds(30));

    /// <summary>Closes the window and returns the worker's report.</summary>
    public async Task<WorkerWindow> EndAsync()
    {
        var answer = await AskAsync("end", TimeSpan.FromSeconds(60));
        return JsonSerializer.Deserialize<WorkerWindow>(answer, LoadTestJson.Options) ?? throw new InvalidOperationException("empty worker report");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                await AskAsync("stop", TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        await pump;
        process.Dispose();
    }

    private async Task<string> AskAsync(string command, TimeSpan timeout)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            return await answers.Reader.ReadAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"worker {Pid} did not answer '{command}' within {timeout.TotalSeconds} s");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"worker {Pid} exited while asked '{command}'");
        }
    }

    private async Task PumpAnswersAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(WorkerHost.AnswerPrefix, StringComparison.Ordinal))
            {
                answers.Writer.TryWrite(line[WorkerHost.AnswerPrefix.Length..]);
            }
        }

        answers.Writer.TryComplete();
    }

    private async Task PumpErrorsAsync()
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            await Console.Error.WriteLineAsync($"  [worker {Pid}] {line}");
        }
    }
}

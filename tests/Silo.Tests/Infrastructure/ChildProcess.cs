using System.Diagnostics;
using System.Text;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// A program run by a test: output captured, signals by pid, killed on dispose so nothing is left running. When the
/// environment names a directory in <c>ORLEANSGAME_PROCESS_LOGS</c> (test.sh names one under test-output), its output
/// is written there on dispose, so that a failed run's servers can be read after it.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly string? LogDirectory = Environment.GetEnvironmentVariable("ORLEANSGAME_PROCESS_LOGS");
    private readonly DateTime started = DateTime.UtcNow;
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private ChildProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>The process id.</summary>
    public int Id { get; private set; }

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Its exit code (after exit).</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Everything it wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with the arguments and extra environment variables.</summary>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // .NET programs stamp each log line with the time, so that the logs of several processes can be read together.
        // (The options apply only to a formatter named in the configuration.)
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} did not start");
        }

        child.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends SIGTERM (a graceful stop).</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Sends SIGKILL (a crash).</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>Waits, with a bound, for the exit; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                try
                {
                    // The wait also reads the output to its end, which a loaded machine can take long to deliver.
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
                }
                catch (TimeoutException) when (process.HasExited)
                {
                    // Killed and reaped; only the last of its output is still on its way, and nothing waits for it.
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        await KeepLogAsync();
        process.Dispose();
    }

    private async Task KeepLogAsync()
    {
        if (string.IsNullOrEmpty(LogDirectory))
        {
            return;
        }

        Directory.CreateDirectory(LogDirectory);
        var file = Path.Combine(LogDirectory, $"{started:HHmmss.fff}-{Name}-{Environment.ProcessId}-{Id}.log");
        await File.WriteAllTextAsync(file, Output);
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", process.Id.ToString() } })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }
    }
}

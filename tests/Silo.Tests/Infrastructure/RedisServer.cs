using System.Diagnostics;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// A real redis-server (the Debian package) on a free loopback port with its data in a temporary folder; killed
/// and removed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;

    private RedisServer(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server and waits, with a bound, until it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var executable = Tools.Find("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed: apt-get install redis-server (test.sh installs it).");
        var directory = Directory.CreateTempSubdirectory("orleansgame-redis-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "yes" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // redis-server says so on its standard output once it accepts connections.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += static (_, _) => { };
        if (!process.Start())
        {
            throw new InvalidOperationException("redis-server did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, directory, port);
        try
        {
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromSeconds(10)) == exited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} before it accepted connections");
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Freezes the server (SIGSTOP): connections stay open and commands hang unanswered, as with a Redis that stalls
    /// or a network that drops packets.
    /// </summary>
    public void Pause() => Signal("STOP");

    /// <summary>Lets a paused server go on (SIGCONT): it answers what queued meanwhile.</summary>
    public void Resume() => Signal("CONT");

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Resume();
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", process.Id.ToString() } })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit(TimeSpan.FromSeconds(10));
        if (!kill.HasExited || kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed");
        }
    }
}

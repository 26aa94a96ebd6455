using System.Diagnostics;
using System.Net.Sockets;

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
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, directory, port);
        try
        {
            await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
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

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port).WaitAsync(TimeSpan.FromSeconds(1));
                return;
            }
            catch (Exception e) when (e is SocketException or TimeoutException && deadline.Elapsed < timeout && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}

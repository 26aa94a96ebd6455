using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway executable, standalone on free loopback ports, started as an operator starts it and ready (its
/// <c>/readyz</c> answers); its output is gathered, and it is killed on dispose if it still runs.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    // A cold process start (silo included) is slow on a busy test machine.
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    private GatewayProcess(Process process, Uri baseAddress, HttpClient operations)
    {
        Process = process;
        BaseAddress = baseAddress;
        Operations = operations;
    }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client for the operations listener.</summary>
    public HttpClient Operations { get; }

    /// <summary>Every line the process wrote, standard output and error together.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>Starts the gateway with <paramref name="arguments"/> after its own (a later setting wins) and waits until it is ready.</summary>
    public static async Task<GatewayProcess> StartAsync(params string[] arguments)
    {
        var port = FreePort.Next();
        var operationsPort = FreePort.Next();
        string[] defaults =
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--Operations:Url", $"http://127.0.0.1:{operationsPort}",
            "--Auth:SigningKey", GatewayHost.SigningKey,
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:ClusterId", "process-test-" + Guid.NewGuid().ToString("N"),
            "--HostOptions:ShutdownTimeout", "00:00:10",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:OrleansGame", "Information",
        ];
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "OrleansGame.Gateway"), [.. defaults, .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var gateway = new GatewayProcess(
            Process.Start(start)!,
            new Uri($"http://127.0.0.1:{port}"),
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{operationsPort}"), Timeout = TimeSpan.FromSeconds(5) });
        gateway.Process.OutputDataReceived += (_, e) => gateway.Output.Enqueue(e.Data ?? "");
        gateway.Process.ErrorDataReceived += (_, e) => gateway.Output.Enqueue(e.Data ?? "");
        gateway.Process.BeginOutputReadLine();
        gateway.Process.BeginErrorReadLine();
        try
        {
            await Eventually.WaitAsync(gateway.IsReadyAsync, ready => ready, StartBound);
            return gateway;
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
        Operations.Dispose();
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Operations.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}

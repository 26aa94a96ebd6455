using System.Globalization;
using System.Net;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway executable, standalone on free loopback ports, started as an operator starts it and ready (its
/// <c>/readyz</c> answers); a <see cref="ChildProcess"/>, so its output is gathered and kept, and it is killed on dispose
/// if it still runs.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    // A cold process start (silo included) is slow on a busy test machine.
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    private GatewayProcess(ChildProcess process, Uri baseAddress, HttpClient operations)
    {
        Process = process;
        BaseAddress = baseAddress;
        Operations = operations;
    }

    /// <summary>The running program.</summary>
    public ChildProcess Process { get; }

    /// <summary>The game's listener: the page, the API and the hub.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the operations listener.</summary>
    public HttpClient Operations { get; }

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
        var gateway = new GatewayProcess(
            ChildProcess.Start("gateway", Path.Combine(AppContext.BaseDirectory, "OrleansGame.Gateway"), [.. defaults, .. arguments], new Dictionary<string, string?>()),
            new Uri($"http://127.0.0.1:{port}"),
            new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{operationsPort}"), Timeout = TimeSpan.FromSeconds(5) });
        try
        {
            await Eventually.WaitAsync(gateway.IsReadyAsync, ready => ready, StartBound);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Operations.Dispose();
        await Process.DisposeAsync();
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

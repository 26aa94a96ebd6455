using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrleansGame.Gateway;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Client.Tests.Infrastructure;

/// <summary>
/// The real gateway (standalone: a co-hosted silo on free ports) on Kestrel at 127.0.0.1 and a free port, started the
/// way tests/Gateway.Tests starts it (GatewayHost), with the settings the SDK's tests need.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private GatewayServer(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public static async Task<GatewayServer> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var operationsPort = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = "client-tests-signing-key-0123456789abcdef",
            ["Operations:Url"] = $"http://127.0.0.1:{operationsPort}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = "client-tests-" + Guid.NewGuid().ToString("N"),
            ["HostOptions:ShutdownTimeout"] = "00:00:15",
            // Every test client is 127.0.0.1.
            ["Limits:MaxConnectionsPerAddress"] = "1000",
            ["Limits:SessionsPerMinutePerAddress"] = "100000",
            ["Limits:FloodBackOff"] = "00:00:00",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = GatewayApplication.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Urls.Select(static url => new Uri(url)).First(url => url.Port != operationsPort);
        return new GatewayServer(app, address);
    }

    /// <summary>A client of this gateway with a new session.</summary>
    public async Task<GameClient> NewPlayerAsync(GameProtocol protocol, string? name = null, Action<GameClientOptions>? configure = null)
    {
        var client = NewClient(protocol, configure);
        await client.CreateSessionAsync(name ?? "p" + Random.Shared.Next(100_000), TestContext.Current.CancellationToken);
        return client;
    }

    public GameClient NewClient(GameProtocol protocol, Action<GameClientOptions>? configure = null)
    {
        var options = new GameClientOptions { BaseAddress = BaseAddress, Protocol = protocol };
        configure?.Invoke(options);
        return new GameClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await App.DisposeAsync();
    }
}

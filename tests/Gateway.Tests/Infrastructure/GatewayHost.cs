using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (the same registrations as Program) on Kestrel at 127.0.0.1 and a free port, co-hosting a silo
/// on free ports, with a known signing key so tests can mint their own tokens.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string SigningKey = "gateway-tests-signing-key-0123456789abcdef";
    public const string Issuer = "orleans-game";

    private GatewayHost(WebApplication app, Uri baseAddress, Uri operationsAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Operations = new HttpClient { BaseAddress = operationsAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>A client for the operations listener: /healthz, /readyz, /metrics, the dashboard.</summary>
    public HttpClient Operations { get; }

    public static async Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null, Action<WebApplicationBuilder>? configure = null)
    {
        var operationsPort = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = SigningKey,
            ["Operations:Url"] = $"http://127.0.0.1:{operationsPort}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = "gateway-tests-" + Guid.NewGuid().ToString("N"),
            ["HostOptions:ShutdownTimeout"] = "00:00:15",
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
            configure?.Invoke(builder);
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Urls.Select(static url => new Uri(url)).First(url => url.Port != operationsPort);
        return new GatewayHost(app, address, new Uri($"http://127.0.0.1:{operationsPort}"));
    }

    public async Task<SessionResponse> CreateSessionAsync(string? name = null)
    {
        using var response = await Http.PostAsJsonAsync("/api/sessions", new { name = name ?? "p" + Random.Shared.Next(100_000) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionResponse>())!;
    }

    public HubConnection BuildConnection(string token, WireProtocol protocol, bool tokenInQuery = false, Action<HttpConnectionOptions>? transport = null) =>
        HubConnections.Build(BaseAddress, token, protocol, tokenInQuery, transport);

    public async Task<TestClient> ConnectAsync(SessionResponse session, WireProtocol protocol)
    {
        var client = new TestClient(BuildConnection(session.Token, protocol), session);
        await client.Connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
        return client;
    }

    public async Task<TestClient> ConnectNewPlayerAsync(WireProtocol protocol, string? name = null) =>
        await ConnectAsync(await CreateSessionAsync(name), protocol);

    public static string MintToken(string playerId, DateTime notBefore, DateTime expires, string key = SigningKey, string issuer = Issuer, string audience = Issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, playerId)]),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Operations.Dispose();
        await App.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await App.DisposeAsync();
    }
}

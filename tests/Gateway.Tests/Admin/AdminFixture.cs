using Microsoft.Extensions.Logging;
using OrleansGame.Gateway.Admin;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Gateway.Tests.Metrics;

namespace OrleansGame.Gateway.Tests.Admin;

/// <summary>A gateway of the admin tests' own, with an operator key and a read-only key, whose log lines are captured.</summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string OperatorKey = "operator-key-0123456789abcdefghijklmnop";
    public const string ReadOnlyKey = "read-only-key-0123456789abcdefghijklmnop";

    private GatewayHost? _host;

    public GatewayHost Host => _host ?? throw new InvalidOperationException("the gateway has not started");

    public LogCapture Logs { get; } = new();

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerAddress"] = "1000",
            ["Limits:SessionsPerMinutePerAddress"] = "100000",
            ["Limits:FloodBackOff"] = "00:00:00",
            ["Admin:Keys:0:Name"] = "olga",
            ["Admin:Keys:0:Key"] = OperatorKey,
            ["Admin:Keys:0:Role"] = "Operator",
            ["Admin:Keys:1:Name"] = "rita",
            ["Admin:Keys:1:Key"] = ReadOnlyKey,
            ["Admin:Keys:1:Role"] = "ReadOnly",
        },
        builder =>
        {
            builder.Logging.AddProvider(Logs);
            builder.Logging.AddFilter<LogCapture>(typeof(AdminAudit).FullName, LogLevel.Information);
        });

    /// <summary>A request to the operations port with <paramref name="key"/> in <c>X-Admin-Key</c> (none when null).</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add(AdminAccessFilter.KeyHeader, key);
        }

        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = OperatorKey, object? body = null)
    {
        using var request = Request(method, path, key, body);
        return await Host.Operations.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The admin actions counter's value for <paramref name="action"/> and <paramref name="outcome"/> on the gateway's /metrics.</summary>
    public async Task<double> ActionCountAsync(string action, string outcome)
    {
        var text = await Host.Operations.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return PrometheusText.Parse(text).Sum("orleansgame_admin_actions_total", ("action", action), ("outcome", outcome));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

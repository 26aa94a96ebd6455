namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>One gateway shared by the tests of a collection; every test uses fresh players.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private GatewayHost? _host;

    public GatewayHost Host => _host ?? throw new InvalidOperationException("the gateway has not started");

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(new Dictionary<string, string?>
    {
        // Many test clients share 127.0.0.1.
        ["Limits:MaxConnectionsPerAddress"] = "1000",
        ["Limits:SessionsPerMinutePerAddress"] = "100000",
        // Every test client is 127.0.0.1: one test's flood must not hold back the next test's connections.
        ["Limits:FloodBackOff"] = "00:00:00",
    });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// A gateway shared by the tests of the metrics collection that look at one connection of their own (traces, the
/// dashboard). Tests that count what the gateway did start a <see cref="MetricsGateway"/> of their own instead.
/// </summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    private MetricsGateway? _gateway;

    public GatewayHost Host => _gateway?.Host ?? throw new InvalidOperationException("the gateway has not started");

    public async ValueTask InitializeAsync() => _gateway = await MetricsGateway.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}

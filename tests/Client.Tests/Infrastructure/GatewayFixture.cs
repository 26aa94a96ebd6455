namespace OrleansGame.Client.Tests.Infrastructure;

/// <summary>One gateway shared by the tests of a collection; every test uses fresh players and rooms.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private GatewayServer? _server;

    public GatewayServer Server => _server ?? throw new InvalidOperationException("the gateway has not started");

    public async ValueTask InitializeAsync() => _server = await GatewayServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

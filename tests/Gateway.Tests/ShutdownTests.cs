using System.Diagnostics;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>Stopping the host tells every client <c>server_shutdown</c> before closing it, within the timeout.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StoppingTheHost_EveryClientGetsServerShutdown_AndTheHostStopsWithinTheTimeout(bool signalFirst)
    {
        var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["HostOptions:ShutdownTimeout"] = "00:00:10" });
        try
        {
            var json = await host.ConnectNewPlayerAsync(WireProtocol.Json);
            var messagePack = await host.ConnectNewPlayerAsync(WireProtocol.MessagePack);
            var idle = await host.ConnectNewPlayerAsync(WireProtocol.Json);
            var room = await json.CreateRoomAsync(isPrivate: false).WaitAsync(Bound, TestContext.Current.CancellationToken);
            await messagePack.JoinAsync(room.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);
            var clients = new[] { json, messagePack, idle };

            var stopwatch = Stopwatch.StartNew();
            if (signalFirst)
            {
                // What Ctrl+C and SIGTERM do: signal the stopping token, then the host stops.
                host.App.Lifetime.StopApplication();
            }

            await host.App.StopAsync(CancellationToken.None).WaitAsync(Bound, TestContext.Current.CancellationToken);
            stopwatch.Stop();

            foreach (var client in clients)
            {
                // Closing can only arrive while the socket is open: the server writes it before it closes the connection.
                var closing = await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken);
                Assert.Equal("server_shutdown", closing.Reason);
                await client.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
                await client.DisposeAsync();
            }

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopwatch.Elapsed}");
        }
        finally
        {
            await host.App.DisposeAsync();
            host.Http.Dispose();
        }
    }
}

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using OrleansGame.Gateway.Tests.Admin;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// A connection's observer outlives its connection for a while: a push its player's grain sent just before it took the
/// detach (a ping) can reach the gateway after the detach's answer, and must find the object it was sent to.
/// </summary>
public sealed class ObserverLifetimeTests
{
    private const int Players = 30;

    private static readonly string PlayerConnectionCategory = typeof(Gateway.Connections.PlayerConnection).FullName!;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Disconnect_WithPingsInFlight_LogsNoError()
    {
        var logs = new LogCapture();
        await using var host = await GatewayHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Ping:Interval"] = "00:00:00.01",
                // The clients answer every ping: their pongs must not count as a flood.
                ["Gateway:RateLimits:PongPerSecond"] = "1000",
                ["Gateway:RateLimits:PongBurst"] = "1000",
            },
            builder => builder.Logging.AddProvider(logs).AddFilter<LogCapture>(PlayerConnectionCategory, LogLevel.Information));
        var clients = await Task.WhenAll(Enumerable.Range(0, Players).Select(_ => host.ConnectNewPlayerAsync(WireProtocol.Json)));
        // An invocation is answered only after the hub's OnConnectedAsync: every connection is attached and pinged by then.
        await Task.WhenAll(clients.Select(static c => c.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken)));

        await Task.WhenAll(clients.Select(static c => c.DisposeAsync().AsTask()));

        // The gateway logs a connection's end once its player's grain took the detach and the observer is let go of.
        await Eventually.WaitAsync(() => Task.FromResult(logs.Lines.Count(IsDisconnected)), static ended => ended >= Players, Bound);
        // A push sent before a detach is on its way by then; Orleans dispatches it within milliseconds.
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(logs.Lines, static line => line.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Lines, static line => line.Message.Contains("flood", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, static line => line.Message.Contains("Unexpected target grain", StringComparison.Ordinal));
    }

    private static bool IsDisconnected(LogCapture.Line line) =>
        line.Category == PlayerConnectionCategory && line.Message.Contains("disconnected", StringComparison.Ordinal);
}

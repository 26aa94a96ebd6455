using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// A join the grains take long to answer (<see cref="SlowJoins"/>: every room's <c>JoinAsync</c> is held back)
/// costs nobody the connection: pongs are read and answered while it is pending. And pings measure whether the
/// client reads: a pong that answers no outstanding ping keeps nobody connected.
/// </summary>
public sealed class SlowJoinTests
{
    private static readonly TimeSpan JoinDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<string, string?> QuickPings = new()
    {
        ["Ping:Interval"] = "00:00:00.2",
        ["Ping:Timeout"] = "00:00:02",
    };

    [Fact]
    public async Task AJoinSlowerThanThePingTimeout_KeepsTheConnection_BecausePongsDoNotWaitBehindIt()
    {
        await using var host = await StartAsync(QuickPings);
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var joined = await client.QuickJoinAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        Assert.Equal(client.PlayerId, joined.PlayerId);
        Assert.True(took >= JoinDelay, $"the join took {took.TotalMilliseconds:F0} ms: the injected delay did not apply");
        // Pings and pongs go on after the join (fifteen more: three seconds, beyond the ping timeout): the connection
        // is alive, not merely not closed yet.
        var fifteenMore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pings = 0;
        using (client.Connection.On<Ping>("Ping", _ =>
        {
            if (Interlocked.Increment(ref pings) == 15)
            {
                fifteenMore.TrySetResult();
            }
        }))
        {
            await Task.WhenAny(fifteenMore.Task, client.Closing).WaitAsync(Bound, TestContext.Current.CancellationToken);
        }

        if (client.Closing.IsCompleted)
        {
            Assert.Fail($"the connection was closed with {(await client.Closing).Reason}");
        }

        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task MessagesBeyondTheInboundQueueWhileAJoinIsPending_CountAsAbuse_AndCloseWithFlood()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Gateway:InboundQueueCapacity"] = "2" });
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);

        // The join holds the queue of two while the grains answer it: most of the 20 inputs find the queue full.
        // 20 inputs are within the input bucket's flood threshold (150 a second): only the overflow can close it.
        _ = client.QuickJoinAsync();
        for (var seq = 1; seq <= 20; seq++)
        {
            await client.SendInputAsync(seq, 1, 0);
        }

        var closing = await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(ClosingReasons.Flood, closing.Reason);
    }

    [Fact]
    public async Task AClientThatStopsReading_AndRepeatsAnOldPong_IsClosedWithPingTimeout()
    {
        await using var host = await GatewayHost.StartAsync(QuickPings);
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        client.AnswerPings = false;

        // It answers ping 1, then stops reading: each ping it gets is answered with that same old pong.
        using var answers = client.Connection.On<Ping>("Ping", _ => client.Connection.SendAsync("Pong", new PongMessage(1)));
        var closing = await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(ClosingReasons.PingTimeout, closing.Reason);
    }

    private static Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string?> overrides) =>
        GatewayHost.StartAsync(overrides, SlowJoins.By(JoinDelay));
}

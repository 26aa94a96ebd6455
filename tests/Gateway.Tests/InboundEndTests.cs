using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// However a connection's inbound service ends, nothing waits on it: the invocations queued behind the end fail, the
/// connection closes all the way, and its address gets its slot back. Each test runs its own gateway.
/// </summary>
public sealed class InboundEndTests
{
    private const string Unbindable = """{"type":1,"target":"Input","arguments":[1,2,3]}""";
    private const string QueuedJoin = """{"type":1,"invocationId":"7","target":"JoinRoom","arguments":[{}]}""";
    private const string Pong = """{"type":1,"target":"Pong","arguments":[{"seq":1}]}""";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FloodClose_WithAJoinQueuedInTheSameFrame_ClosesAllTheWay_AndTheAddressCanConnectAgain()
    {
        const int cap = 3;
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerAddress"] = cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:FloodBackOff"] = "00:00:00",
        });
        var registry = host.App.Services.GetRequiredService<ConnectionRegistry>();

        // More rounds than the cap: a connection left half-open would keep its slot and lock the address out.
        for (var round = 0; round < cap + 2; round++)
        {
            var session = await host.CreateSessionAsync();
            using var socket = await RawHubSocket.ConnectAsync(host.BaseAddress, session.Token);
            // The join is queued behind the flood, and a pong follows it: were the join left unanswered, SignalR
            // would hold the pong back behind its call and never read the connection again.
            await socket.SendAsync([.. Enumerable.Repeat(Unbindable, 8), QueuedJoin, Pong]);

            var closing = await socket.RequireAsync(static record => record.Contains("\"target\":\"Closing\"", StringComparison.Ordinal));
            Assert.Contains("\"reason\":\"flood\"", closing, StringComparison.Ordinal);
            await Eventually.WaitAsync(() => Task.FromResult(registry.Count), static count => count == 0, Bound);
        }

        await using var honest = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        var joined = await honest.QuickJoinAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(honest.PlayerId, joined.PlayerId);
    }

    [Fact]
    public async Task FloodClose_MakesTheAddressWaitBeforeItConnectsAgain()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Limits:FloodBackOff"] = "00:00:02" });
        var session = await host.CreateSessionAsync();
        using (var socket = await RawHubSocket.ConnectAsync(host.BaseAddress, session.Token))
        {
            await socket.SendAsync([.. Enumerable.Repeat(Unbindable, 8)]);
            var closing = await socket.RequireAsync(static record => record.Contains("\"target\":\"Closing\"", StringComparison.Ordinal));
            Assert.Contains("\"reason\":\"flood\"", closing, StringComparison.Ordinal);
        }

        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new("Bearer", session.Token);
        using var refused = await host.Http.SendAsync(negotiate, TestContext.Current.CancellationToken);
        await SessionTests.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        // A skipped negotiate is refused the same way: the WebSocket request opens a connection too.
        var direct = await Assert.ThrowsAnyAsync<Exception>(() => RawHubSocket.ConnectAsync(host.BaseAddress, session.Token));
        Assert.Contains("429", direct.Message, StringComparison.Ordinal);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var back = host.BuildConnection(session.Token, WireProtocol.Json);
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    await back.StartAsync(TestContext.Current.CancellationToken);
                    return true;
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    return false;
                }
            },
            static connected => connected,
            Bound);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < Bound);
    }
}

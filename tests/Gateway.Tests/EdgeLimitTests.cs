using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>Origin rule and per-address caps, each on its own gateway with small limits.</summary>
public sealed class EdgeLimitTests
{
    [Fact]
    public async Task Origin_NotAllowed_IsRefusedWith403_SameOriginConfiguredOrNoneAreServed()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://friend.example" });
        var self = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        Assert.Equal(HttpStatusCode.Forbidden, await PostSessionAsync(host, "https://evil.example"));
        Assert.Equal(HttpStatusCode.OK, await PostSessionAsync(host, self));
        Assert.Equal(HttpStatusCode.OK, await PostSessionAsync(host, "https://friend.example"));
        Assert.Equal(HttpStatusCode.OK, await PostSessionAsync(host, origin: null));

        var session = await host.CreateSessionAsync();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://evil.example");
        negotiate.Headers.Authorization = new("Bearer", session.Token);
        using var refused = await host.Http.SendAsync(negotiate, TestContext.Current.CancellationToken);
        await SessionTests.AssertProblemAsync(refused, HttpStatusCode.Forbidden, "origin_not_allowed");
    }

    [Fact]
    public async Task Origin_NotAllowed_OnADirectWebSocketUpgrade_IsRefusedWith403()
    {
        // skipNegotiation: the browser opens the WebSocket straight away, so the upgrade request itself must be judged.
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://friend.example" });
        var self = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var session = await host.CreateSessionAsync();

        var refused = await Assert.ThrowsAsync<UpgradeRefusedException>(() => RawHubSocket.ConnectAsync(host.BaseAddress, session.Token, "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        foreach (var origin in new[] { self, "https://friend.example", null })
        {
            await using var served = await RawHubSocket.ConnectAsync(host.BaseAddress, session.Token, origin);
            await served.SendFrameAsync("""{"type":1,"invocationId":"1","target":"LeaveRoom","arguments":[]}""");
            var completion = await served.ReceiveFrameAsync(f => f.GetProperty("type").GetInt32() == 3);
            Assert.False(completion.TryGetProperty("error", out var error), $"origin {origin ?? "(none)"}: {error}");
        }
    }

    [Fact]
    public async Task Connections_OverThePerAddressCap_AreRefusedWith429()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Limits:MaxConnectionsPerAddress"] = "2" });
        await using var one = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var two = await host.ConnectNewPlayerAsync(WireProtocol.MessagePack);
        await HoldsSlotAsync(one.Connection);
        await HoldsSlotAsync(two.Connection);

        var session = await host.CreateSessionAsync();
        await using var three = host.BuildConnection(session.Token, WireProtocol.Json);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => three.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        await one.Connection.StopAsync(TestContext.Current.CancellationToken);
        await using var four = host.BuildConnection(session.Token, WireProtocol.Json);
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    await four.StartAsync(TestContext.Current.CancellationToken);
                    return true;
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    return false;
                }
            },
            started => started,
            TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Connected, four.State);
        Assert.Equal(HubConnectionState.Connected, two.Connection.State);
    }

    [Fact]
    public async Task RoomCreations_OverThePerAddressRate_AreRefusedWithRateLimited_WhileJoinsGoOn()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Limits:RoomCreationsPerMinutePerAddress"] = "2" });
        await using var one = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var two = await host.ConnectNewPlayerAsync(WireProtocol.MessagePack);
        await using var three = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        var room = await one.CreateRoomAsync(isPrivate: true);
        await two.CreateRoomAsync(isPrivate: true);

        // A third player, so not the player's own cooldown: the address's.
        var refused = await Assert.ThrowsAsync<HubException>(() => three.CreateRoomAsync(isPrivate: true));

        ValidationTests.AssertHubError("rate_limited", refused);
        Assert.Equal(room.RoomId, (await three.JoinAsync(room.RoomId)).RoomId);
    }

    [Fact]
    public async Task Rooms_OverTheSilosCap_AreRefusedWithTooManyRooms_UntilOneEnds()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Rooms:MaxPerSilo"] = "1" });
        await using var one = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var two = await host.ConnectNewPlayerAsync(WireProtocol.MessagePack);
        await one.CreateRoomAsync(isPrivate: true);

        var create = await Assert.ThrowsAsync<HubException>(() => two.CreateRoomAsync(isPrivate: true));
        var quick = await Assert.ThrowsAsync<HubException>(() => two.QuickJoinAsync());

        ValidationTests.AssertHubError("too_many_rooms", create);
        ValidationTests.AssertHubError("too_many_rooms", quick);

        // Its creator leaves it alone: the room ends at once and gives its place back.
        await one.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken);
        Assert.NotNull((await two.CreateRoomAsync(isPrivate: true)).RoomId);
    }

    [Fact]
    public async Task Sessions_OverThePerAddressRate_AreRefusedWith429_EvenWithAForgedForwardedFor()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Limits:SessionsPerMinutePerAddress"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostSessionAsync(host, origin: null));
        }

        using var over = await host.Http.PostAsJsonAsync("/api/sessions", new { name = "Late" }, TestContext.Current.CancellationToken);
        await SessionTests.AssertProblemAsync(over, HttpStatusCode.TooManyRequests, "rate_limited");

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { name = "Sneaky" }) };
        forged.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var stillRefused = await host.Http.SendAsync(forged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
    }

    [Fact]
    public async Task Sessions_FromATrustedProxy_AreLimitedPerForwardedAddress()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:SessionsPerMinutePerAddress"] = "1",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        Assert.Equal(HttpStatusCode.OK, await PostSessionAsync(host, origin: null, forwardedFor: "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostSessionAsync(host, origin: null, forwardedFor: "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await PostSessionAsync(host, origin: null, forwardedFor: "198.51.100.2"));
    }

    [Fact]
    public async Task LongPollingConnections_CountOnceEach_HoweverManyRequestsTheirTransportMakes()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Limits:MaxConnectionsPerAddress"] = "2" });
        static void LongPolling(HttpConnectionOptions options) => options.Transports = HttpTransportType.LongPolling;
        var first = await host.CreateSessionAsync();
        var second = await host.CreateSessionAsync();
        await using var one = new TestClient(host.BuildConnection(first.Token, WireProtocol.Json, transport: LongPolling), first);
        await using var two = new TestClient(host.BuildConnection(second.Token, WireProtocol.Json, transport: LongPolling), second);
        await one.Connection.StartAsync(TestContext.Current.CancellationToken);
        await two.Connection.StartAsync(TestContext.Current.CancellationToken);

        // Every send is a POST beside the pending poll: at the cap, each would have been refused as a third request.
        var room = await one.CreateRoomAsync(isPrivate: true);
        await two.JoinAsync(room.RoomId);
        for (var i = 0; i < 3; i++)
        {
            await one.SendChatAsync($"hello {i}");
            Assert.Equal($"hello {i}", (await two.WaitForChatAsync()).Text);
        }

        Assert.False(one.TryTakeError(out var error), $"the first client got {error}");
        var third = await host.CreateSessionAsync();
        await using var refused = host.BuildConnection(third.Token, WireProtocol.Json);
        var over = await Assert.ThrowsAsync<HttpRequestException>(() => refused.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
    }

    [Fact]
    public async Task IPv6Clients_CountPerSlash64_SoRotatingWithinThePrefixDoesNotEscapeTheCap()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerAddress"] = "1",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        async Task<HubConnection> ConnectFromAsync(string address)
        {
            var session = await host.CreateSessionAsync();
            var connection = host.BuildConnection(session.Token, WireProtocol.Json, transport: options => options.Headers["X-Forwarded-For"] = address);
            try
            {
                await connection.StartAsync(TestContext.Current.CancellationToken);
                await HoldsSlotAsync(connection);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        await using var first = await ConnectFromAsync("2001:db8:7:1::a");
        var sameHost = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectFromAsync("2001:db8:7:1:ffff::b"));
        Assert.Equal(HttpStatusCode.TooManyRequests, sameHost.StatusCode);
        await using var otherHost = await ConnectFromAsync("2001:db8:7:2::a");
        await using var ipv4 = await ConnectFromAsync("198.51.100.9");
        Assert.Equal(HubConnectionState.Connected, otherHost.State);
        Assert.Equal(HubConnectionState.Connected, ipv4.State);
    }

    /// <summary>
    /// Returns once the hub has counted <paramref name="connection"/> against its address. The client's start completes
    /// with the handshake, before the hub's <c>OnConnectedAsync</c> takes the slot; the hub answers an invocation only
    /// after it has.
    /// </summary>
    private static Task HoldsSlotAsync(HubConnection connection) => connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken);

    private static async Task<HttpStatusCode> PostSessionAsync(GatewayHost host, string? origin, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { name = "Origin test" }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

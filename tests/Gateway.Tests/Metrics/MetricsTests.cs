using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// Each test counts what one gateway of its own did (<see cref="MetricsGateway"/>): a gateway shared with other tests
/// would count their connections too (a connection opened or closing while this test runs).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    private const string Opened = "orleansgame_connections_opened_total";
    private const string Closed = "orleansgame_connections_closed_total";
    private const string Current = "orleansgame_connections_current";
    private const string Received = "orleansgame_messages_received_total";
    private const string Sent = "orleansgame_messages_sent_total";
    private const string Rejected = "orleansgame_messages_rejected_total";
    private const string RateLimited = "orleansgame_messages_rate_limited_total";

    [Fact]
    public async Task Scrape_AfterScriptedSession_CountersMoveByExpectedAmounts()
    {
        await using var gateway = await MetricsGateway.StartAsync();
        var before = await gateway.ScrapeAsync();

        var client = await gateway.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);
        for (var seq = 1; seq <= 5; seq++)
        {
            await client.SendInputAsync(seq, 0.5, 0);
        }

        await client.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == client.PlayerId && p.AckSeq == 5));

        await client.SendInputAsync(6, 5, 0);
        Assert.Equal("invalid_input", (await client.WaitForErrorAsync()).Code);

        // 40 inputs at once: the bucket (burst 10, 30/s) drops most of them; 40 in a second is not yet a flood (150).
        for (var seq = 7; seq <= 46; seq++)
        {
            await client.SendInputAsync(seq, 0, 0.5);
        }

        Assert.Equal("rate_limited", (await client.WaitForErrorAsync()).Code);

        // Four chat lines at once against a burst of 3: each is either echoed by the room or counted as rate-limited.
        for (var i = 0; i < 4; i++)
        {
            await client.SendChatAsync($"line {i}");
        }

        // An invocation is answered only after everything queued before it was handled: a barrier.
        var refused = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync("not a room!"));
        Assert.Contains("invalid_room_id:", refused.Message, StringComparison.Ordinal);
        var afterChats = await gateway.ScrapeUntilAsync(s => Delta(before, s, Rejected, ("code", "invalid_room_id")) >= 1, "the refused join");
        var chatsLimited = (int)Delta(before, afterChats, RateLimited, ("type", "chat"));
        Assert.InRange(chatsLimited, 1, 4);
        for (var i = 0; i < 4 - chatsLimited; i++)
        {
            await client.WaitForChatAsync();
        }

        await client.DisposeAsync();
        var after = await gateway.ScrapeUntilAsync(s => Delta(before, s, Closed) >= 1, "the connection closed");

        Assert.Equal(1, Delta(before, after, Opened));
        Assert.Equal(1, Delta(before, after, Closed, ("reason", "client")));
        Assert.Equal(before.Sum(Current), after.Sum(Current));
        Assert.Equal(1, Delta(before, after, Received, ("type", "create_room")));
        Assert.Equal(1, Delta(before, after, Received, ("type", "join_room")));
        Assert.Equal(46, Delta(before, after, Received, ("type", "input")));
        Assert.Equal(4, Delta(before, after, Received, ("type", "chat")));
        Assert.Equal(1, Delta(before, after, Rejected, ("code", "invalid_input")));
        Assert.Equal(1, Delta(before, after, Rejected, ("code", "invalid_room_id")));
        Assert.InRange(Delta(before, after, Rejected, ("code", "rate_limited")), 1, 2);
        Assert.InRange(Delta(before, after, RateLimited, ("type", "input")), 1, 36);
        Assert.Equal(chatsLimited, Delta(before, after, RateLimited, ("type", "chat")));
        Assert.Equal(4 - chatsLimited, Delta(before, after, Sent, ("type", "chat")));
        Assert.Equal(
            Delta(before, after, Rejected, ("code", "invalid_input")) + Delta(before, after, Rejected, ("code", "rate_limited")),
            Delta(before, after, Sent, ("type", "error")));
        Assert.True(Delta(before, after, Sent, ("type", "snapshot")) >= 1);
    }

    [Fact]
    public async Task Scrape_WhilePlaying_RecordsRoomTicksFanOutAndRtt()
    {
        await using var gateway = await MetricsGateway.StartAsync();
        var before = await gateway.ScrapeAsync();
        await using var client = await gateway.Host.ConnectNewPlayerAsync(WireProtocol.MessagePack);
        await client.CreateRoomAsync(isPrivate: true);
        await client.WaitForSnapshotAsync(_ => true);

        // The first ping goes out when the connection attaches; the test client answers it.
        var during = await gateway.ScrapeUntilAsync(
            s => Delta(before, s, "orleansgame_player_rtt_milliseconds_count") >= 1
                && Delta(before, s, "orleansgame_room_tick_lateness_milliseconds_count") >= 1,
            "a round trip and a tick");

        Assert.True(Delta(before, during, "orleansgame_player_rtt_milliseconds_count") >= 1);
        Assert.True(Delta(before, during, "orleansgame_room_tick_duration_milliseconds_count") >= 1);
        Assert.True(Delta(before, during, "orleansgame_room_tick_lateness_milliseconds_count") >= 1);
        Assert.True(Delta(before, during, "orleansgame_room_snapshot_fanout_sum") >= 1);
        Assert.True(Delta(before, during, "orleansgame_rooms_active") >= 1);
        Assert.Equal(1, Delta(before, during, "orleansgame_players_online"));
        Assert.Equal(1, Delta(before, during, Current));
        Assert.True(Delta(before, during, Sent, ("type", "ping")) >= 1);
    }

    [Fact]
    public async Task Scrape_ReconnectWithinWindow_CountsReconnectAndSeatResume()
    {
        await using var gateway = await MetricsGateway.StartAsync();
        var session = await gateway.Host.CreateSessionAsync();
        var first = await gateway.Host.ConnectAsync(session, WireProtocol.Json);
        await first.CreateRoomAsync(isPrivate: true);
        await first.DisposeAsync();
        // Offline once the player's grain takes the detach, which it finishes (the room holding the seat) before it
        // takes the next attach: so the second connection finds the seat held, and takes it back.
        var before = await gateway.ScrapeUntilAsync(
            s => s.Sum(Current) == 0 && s.Sum(Closed) == 1 && s.Sum("orleansgame_players_online") == 0, "the first connection closed and its player offline");

        await using var second = await gateway.Host.ConnectAsync(session, WireProtocol.Json);
        await second.WaitForRoomStateAsync();
        var after = await gateway.ScrapeUntilAsync(s => Delta(before, s, "orleansgame_seats_resumed_total") >= 1, "the seat resumed");

        Assert.Equal(1, Delta(before, after, "orleansgame_players_reconnects_total"));
        Assert.Equal(1, Delta(before, after, "orleansgame_seats_resumed_total"));
        Assert.Equal(1, Delta(before, after, Sent, ("type", "room_state")));
    }

    [Fact]
    public async Task Scrape_ChatFlood_CountsFloodClose()
    {
        await using var gateway = await MetricsGateway.StartAsync();
        var before = await gateway.ScrapeAsync();
        await using var client = await gateway.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);

        // Five chat lines within a second is five times the chat limit: a flood.
        for (var i = 0; i < 5; i++)
        {
            await client.SendChatAsync($"spam {i}");
        }

        Assert.Equal("flood", (await client.Closing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Reason);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var after = await gateway.ScrapeUntilAsync(s => Delta(before, s, Closed) >= 1, "the connection closed");

        Assert.Equal(1, Delta(before, after, Closed, ("reason", "flood")));
        Assert.Equal(1, Delta(before, after, Sent, ("type", "closing")));
        Assert.Equal(5, Delta(before, after, Received, ("type", "chat")));
    }

    [Fact]
    public async Task Scrape_Always_IncludesRuntimeOrleansAndAspNetCoreMeters()
    {
        await using var gateway = await MetricsGateway.StartAsync();
        await using var client = await gateway.Host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);

        var scrape = await gateway.ScrapeUntilAsync(s => s.Has("signalr_server_active_connections"), "the SignalR meter");

        Assert.True(scrape.Has("dotnet_gc_collections_total"), "runtime meter missing");
        Assert.True(scrape.Samples.Any(s => s.Name.StartsWith("orleans_", StringComparison.Ordinal)), "Orleans meter missing");
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), "ASP.NET Core hosting meter missing");
        Assert.True(scrape.Has("kestrel_active_connections"), "Kestrel meter missing");
        Assert.True(scrape.Has("signalr_server_active_connections"), "SignalR connections meter missing");
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, params (string Key, string Value)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}

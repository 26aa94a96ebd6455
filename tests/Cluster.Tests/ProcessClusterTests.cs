using System.Diagnostics;
using System.Net.Http.Json;
using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.Gateway.Tests.Metrics;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// The cluster as processes behind nginx, played by the .NET SignalR client: silos and gateways are stopped,
/// killed and restarted under the players. Each test leaves every member running for the next: the cluster is shared
/// with the other tests of <see cref="ProcessClusterCollection"/>, which run one at a time.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ProcessClusterTests(ProcessCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Silos_StoppedThenKilledWhilePlaying_PlayersStayInPlay()
    {
        var (first, second, roomId) = await SeatTwoPlayersAsync();
        await using var _1 = first;
        await using var _2 = second;

        // The silos' and the gateway's /metrics show the room and its snapshots.
        var host = cluster.HostOf(roomId) ?? throw new InvalidOperationException($"no silo log shows room {roomId}");
        var other = cluster.Silos.Single(s => s != host);
        var gateway = cluster.GatewayOf(first.Id) ?? throw new InvalidOperationException($"no gateway log shows player {first.Id}");
        var hosting = await ScrapeAsync(host);
        Assert.True(hosting.Sum("orleansgame_rooms_active") >= 1, "the hosting silo counts no active room");
        Assert.True(hosting.Sum("orleansgame_room_tick_duration_milliseconds_count") > 0, "the hosting silo counts no tick");
        Assert.Contains(hosting.Samples, sample => sample.Name.StartsWith("orleans_", StringComparison.Ordinal));
        var restoredBefore = (await ScrapeAsync(other)).Sum("orleansgame_rooms_restored_total");
        var snapshotsBefore = (await ScrapeAsync(gateway)).Sum("orleansgame_messages_sent_total", ("type", "snapshot"));

        // SIGTERM the silo hosting the room: it hands the room over and play goes on.
        var stopping = Stopwatch.GetTimestamp();
        Assert.Equal(0, await cluster.TerminateAsync(host));
        foreach (var player in new[] { first, second })
        {
            await player.WaitForAsync(p => p.Snapshots.Count(s => s.At > stopping) >= 20, "snapshots after the graceful stop", Bound);
            var gap = player.LongestGapSince(stopping);
            Report.Measured(output, $"process cluster: longest snapshot gap after SIGTERM to {host} for {player.Id}: {gap.TotalMilliseconds:0} ms");
            Assert.True(gap < TimeSpan.FromSeconds(5), $"the longest gap was {gap.TotalMilliseconds:0} ms");
        }

        // The receiving silo counted the room it restored; the gateway kept counting the snapshots it sent on.
        Assert.True((await ScrapeAsync(other)).Sum("orleansgame_rooms_restored_total") > restoredBefore, "the receiving silo counted no restore");
        Assert.True(
            (await ScrapeAsync(gateway)).Sum("orleansgame_messages_sent_total", ("type", "snapshot")) >= snapshotsBefore + 20,
            "the gateway did not count the snapshots it sent after the hand-over");
        await cluster.StartSiloAsync(host);

        // kill -9 the other silo, which now hosts the room: the players are back in play within 15 s.
        var killed = Stopwatch.GetTimestamp();
        await cluster.KillAsync(other);
        foreach (var player in new[] { first, second })
        {
            // Five snapshots after the kill, the last one of them at least a second after it: the room runs again.
            await player.WaitForAsync(
                p => p.Snapshots.Count(s => s.At > killed && s.Snapshot.RoomId == roomId) >= 5 && Stopwatch.GetElapsedTime(killed, p.Snapshots[^1].At) > TimeSpan.FromSeconds(1),
                "play after the kill", Bound);
            var gap = player.LongestGapSince(killed);
            Report.Measured(output, $"process cluster: longest snapshot gap after kill -9 of {other} for {player.Id}: {gap.TotalMilliseconds:0} ms");
            Assert.True(gap < Bound, $"play stopped for {gap.TotalMilliseconds:0} ms");
            Assert.Equal(2, player.Snapshots[^1].Snapshot.Players.Count);
        }

        await cluster.StartSiloAsync(other);
    }

    [Fact]
    public async Task Silos_AllRestarted_ProfilesAndLeaderboardRemain()
    {
        var (first, second, _) = await SeatTwoPlayersAsync();
        await using var _1 = first;
        await using var _2 = second;
        var before = new Dictionary<string, PlayerProfile>();
        foreach (var player in new[] { first, second })
        {
            // Rounds are 5 s here: a finished round with two players counts and is persisted.
            before[player.Id] = await PollAsync(() => ProfileAsync(player.Id), p => p?.GamesPlayed >= 1, "a recorded round") ?? throw new InvalidOperationException();
        }

        await PollAsync(LeaderboardAsync, rows => rows is not null && rows.Any(r => r.PlayerId == first.Id) && rows.Any(r => r.PlayerId == second.Id), "both players on the leaderboard");

        foreach (var silo in cluster.Silos)
        {
            Assert.Equal(0, await cluster.TerminateAsync(silo));
        }

        await Task.WhenAll(cluster.Silos.Select(cluster.StartSiloAsync));

        foreach (var player in new[] { first, second })
        {
            var after = await PollAsync(() => ProfileAsync(player.Id), p => p is not null, "the profile after the restart");
            Assert.NotNull(after);
            Assert.True(after.GamesPlayed >= before[player.Id].GamesPlayed, $"games played went from {before[player.Id].GamesPlayed} to {after.GamesPlayed}");
            Assert.True(after.BestScore >= before[player.Id].BestScore);
            Assert.Equal(before[player.Id].CreatedAt, after.CreatedAt);
        }

        var board = await PollAsync(LeaderboardAsync, rows => rows is not null, "the leaderboard after the restart");
        Assert.Contains(board!, r => r.PlayerId == first.Id);
        Assert.Contains(board!, r => r.PlayerId == second.Id);
    }

    [Fact]
    public async Task Gateway_Killed_ItsClientsReconnectThroughNginxAndResumeTheirSeats()
    {
        var (first, second, roomId) = await SeatTwoPlayersAsync();
        await using var _1 = first;
        await using var _2 = second;
        var gateway = cluster.GatewayOf(first.Id) ?? throw new InvalidOperationException($"no gateway log shows player {first.Id}");

        var killed = Stopwatch.GetTimestamp();
        await cluster.KillAsync(gateway);

        await first.WaitForAsync(p => p.RoomStates.Any(r => r.RoomId == roomId) && p.Snapshots.Count(s => s.At > killed && s.Snapshot.RoomId == roomId) >= 5,
            "the resumed seat after the gateway died", Bound);
        var resumed = first.LongestGapSince(killed);
        Report.Measured(output, $"process cluster: longest snapshot gap of a client whose gateway ({gateway}) was killed: {resumed.TotalMilliseconds:0} ms");
        var now = cluster.GatewayOf(first.Id);
        Assert.NotNull(now);
        Assert.NotEqual(gateway, now);
        Assert.Contains(first.Snapshots[^1].Snapshot.Players, p => p.PlayerId == first.Id);

        await cluster.StartGatewayAsync(gateway);
    }

    [Fact]
    public async Task Gateway_Sigterm_ItsClientsReceiveClosingServerShutdown()
    {
        await using var player = await GamePlayer.ConnectAsync(cluster.Url, cluster.Http, "Closer");
        var gateway = await PollAsync(() => Task.FromResult(cluster.GatewayOf(player.Id)), g => g is not null, "the player's gateway")
            ?? throw new InvalidOperationException();

        var process = gateway.Process ?? throw new InvalidOperationException($"{gateway.Name} is not running");
        // What it logged before (another test's silo stopping may have cost it the cluster for a moment) is not asked about.
        var before = process.Output.Length;

        var exitCode = await cluster.TerminateAsync(gateway);

        await player.WaitForAsync(p => p.Closings.Count > 0, "Closing", Bound);
        Assert.Equal("server_shutdown", player.Closings[0].Reason);
        Assert.Equal(0, exitCode);
        // Closing its own connection to the cluster is no loss of it: no warning that its players miss pushes.
        Assert.DoesNotContain("Lost the connection to the cluster", process.Output[before..], StringComparison.Ordinal);
        await cluster.StartGatewayAsync(gateway);
    }

    private async Task<(GamePlayer First, GamePlayer Second, string RoomId)> SeatTwoPlayersAsync()
    {
        var first = await GamePlayer.ConnectAsync(cluster.Url, cluster.Http, "Ada");
        var second = await GamePlayer.ConnectAsync(cluster.Url, cluster.Http, "Bob");
        var room = await first.CreateRoomAsync();
        await second.JoinRoomAsync(room.RoomId);
        first.StartSteering(0.1, 0.05);
        second.StartSteering(-0.05, -0.1);
        foreach (var player in new[] { first, second })
        {
            await player.WaitForAsync(p => p.Snapshots.Count(s => s.Snapshot.Players.Count == 2) >= 5, "snapshots with both players", Bound);
        }

        return (first, second, room.RoomId);
    }

    [Fact]
    public async Task Nginx_AccessLog_RecordsPathsWithoutTheirQueryStrings()
    {
        // A browser's WebSocket carries its token in the query; so may anything else a client sends.
        const string Secret = "token-that-must-not-be-logged";
        using (await cluster.Http.GetAsync(new Uri(cluster.Url, $"api/rooms?access_token={Secret}"), TestContext.Current.CancellationToken))
        using (await cluster.Http.GetAsync(new Uri(cluster.Url, $"hubs/game?id=none&access_token={Secret}"), TestContext.Current.CancellationToken))
        {
        }

        var log = await Polling.UntilAsync(
            () => File.ReadAllTextAsync(cluster.AccessLogPath, TestContext.Current.CancellationToken),
            text => text.Contains("GET /api/rooms ", StringComparison.Ordinal) && text.Contains("GET /hubs/game ", StringComparison.Ordinal),
            "both requests in nginx's access log", Bound, static e => e is FileNotFoundException);

        Assert.DoesNotContain(Secret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("readyz")]
    [InlineData("healthz")]
    [InlineData("dashboard/")]
    public async Task Nginx_OperationalEndpoints_AreNotReachableThroughTheProxy(string path)
    {
        using var response = await cluster.Http.GetAsync(new Uri(cluster.Url, path), TestContext.Current.CancellationToken);
        using var direct = await cluster.Http.GetAsync($"http://127.0.0.1:{cluster.Gateways[0].OperationsPort}/{(path == "dashboard/" ? "readyz" : path)}", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, direct.StatusCode);
    }

    /// <summary>Scrapes the member's /metrics, on its operations port.</summary>
    private async Task<PrometheusText> ScrapeAsync(Member member) =>
        PrometheusText.Parse(await cluster.Http.GetStringAsync($"http://127.0.0.1:{member.OperationsPort}/metrics"));

    private async Task<PlayerProfile?> ProfileAsync(string playerId)
    {
        using var response = await cluster.Http.GetAsync(new Uri(cluster.Url, $"api/players/{playerId}"));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<PlayerProfile>() : null;
    }

    private async Task<List<LeaderboardEntry>?> LeaderboardAsync()
    {
        using var response = await cluster.Http.GetAsync(new Uri(cluster.Url, "api/leaderboard?top=100"));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<List<LeaderboardEntry>>() : null;
    }

    private static Task<T?> PollAsync<T>(Func<Task<T?>> read, Func<T?, bool> done, string what) =>
        Polling.UntilAsync(
            read, done, what, TimeSpan.FromSeconds(45),

            // A member is restarting; ask again.
            static e => e is HttpRequestException or TaskCanceledException);
}

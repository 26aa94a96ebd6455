using System.Diagnostics;
using System.Text.Json;
using OrleansGame.Client;
using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.FourInARow;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// A client-mode gateway that reached the cluster only through the silo that stops: the room resumed on the other
/// silo sends its state once, into nothing (the gateway has no silo then). The gateway asks the cluster until it is
/// connected again, with no player doing anything, then asks for that state, and every player gets the game as it was.
/// And a gateway whose whole cluster is gone asks less and less often, and finds a new silo by itself.
/// </summary>
public sealed class GatewayReconnectTests(ITestOutputHelper output)
{
    private const string Mode = "four-in-a-row";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RoomResumedWhileTheGatewayHadNoSilo_ReachesItsPlayersOnceTheGatewayIsBack()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await OneSiloCluster.StartAsync(
            new Dictionary<string, string?>
            {
                ["FourInARow__TurnTime"] = "00:05:00",
                ["HostOptions__ShutdownTimeout"] = "00:00:20",
                // Not the ping service's test: a fresh-clone run on a busy machine closed both players with
                // ping_timeout (10 s without a pong) while the second silo started, before the cut-off this test is about.
                ["Ping__Timeout"] = "00:01:00",
                ["Logging__LogLevel__OrleansGame"] = "Information",
            },
            new Dictionary<string, string?>
            {
                // The gateway learns of the second silo only when the first one disconnects, and no renewal comes
                // meanwhile (a renewal of a reactivated player grain would push the state too, within its interval).
                ["Orleans__GatewayListRefreshPeriod"] = "01:00:00",
                ["Gateway__ObserverRenewInterval"] = "01:00:00",
                ["Logging__LogLevel__OrleansGame"] = "Information",
            });
        await using var ada = new GameClient(new GameClientOptions { BaseAddress = cluster.Url });
        await using var bob = new GameClient(new GameClientOptions { BaseAddress = cluster.Url });
        await ada.CreateSessionAsync("Ada", token);
        await bob.CreateSessionAsync("Bob", token);
        var adaSees = new BoardWatch(await ada.CreateAsync(Mode, new CreateRoomOptions { IsPrivate = true }, token));
        var bobSees = new BoardWatch(await bob.JoinAsync(adaSees.Room.Id, token));
        var roomId = adaSees.Room.Id;
        var started = await adaSees.WaitForAsync((s, _) => s.Phase == GamePhases.Playing, "the game to start", Bound);
        var first = started.Turn == adaSees.Room.PlayerId ? adaSees : bobSees;
        await first.Room.SendAsync(FourInARowMessageTypes.Drop, new DropMessage(3), token);
        var before = await adaSees.WaitForAsync((s, _) => s.Moves == 1, "the first move", Bound);
        await bobSees.WaitForAsync((s, _) => s.Moves == 1, "the first move", Bound);

        // The room and the gateway's only connection are on the first silo; the second joins the cluster.
        var second = await cluster.StartSecondSiloAsync();
        var copies = new[] { adaSees, bobSees }.Select(sees =>
        {
            var arrivals = new Arrivals<BoardState>();
            sees.Room.OnRejoin(room => arrivals.Add(room.StateAs<BoardState>()!));
            return (Sees: sees, Arrivals: arrivals);
        }).ToList();

        var stopping = Stopwatch.GetTimestamp();
        cluster.Silo.Terminate();
        Assert.Equal(0, await cluster.Silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        // Nothing the players do needs the grains (their seats send nothing, and the pings are the grains' own), so the
        // gateway's own probe is what brings its connection back. The room has resumed on the second silo by then (its
        // own call back from the stopping silo, whose state push is lost), or resumes when the gateway asks for its
        // state (when that call back was lost with the stopping silo).
        foreach (var (sees, arrivals) in copies)
        {
            await arrivals.WaitForAsync(all => all.Count > 0, $"the room's state for {sees.Room.PlayerId}", Bound, all => $"{all.Count} copies");
            var (copy, at) = arrivals.All[0];
            Assert.Equal(Json(before), Json(copy));
            Assert.True(sees.Room.IsActive, $"player {sees.Room.PlayerId} lost the seat");
            Report.Measured(output, $"gateway cut off with its silo: the room's state reached {sees.Room.PlayerId} {Stopwatch.GetElapsedTime(stopping, at).TotalMilliseconds:0} ms after the signal");
        }

        // The gateway asked for it when its cluster connection came back, and the room is on the second silo.
        await Polling.UntilAsync(() => Task.FromResult(second.Output), log => log.Contains($"Room {roomId} of mode", StringComparison.Ordinal),
            $"room {roomId} resumed on the second silo", Bound);
        await Polling.UntilAsync(() => Task.FromResult(cluster.Gateway.Output), log => log.Contains("The connection to the cluster is back", StringComparison.Ordinal),
            "the gateway to log its connection back", Bound);

        // And the game goes on from it on the second silo.
        var next = before.Turn == adaSees.Room.PlayerId ? adaSees : bobSees;
        await next.Room.SendAsync(FourInARowMessageTypes.Drop, new DropMessage(3), token);
        foreach (var sees in new[] { adaSees, bobSees })
        {
            var moved = await sees.WaitForAsync((s, _) => s.Moves == 2, "the move after the hand-over", Bound);
            Assert.Equal(new MoveView(3, 4, moved.Players.Single(p => p.Id == next.Room.PlayerId).Disc), moved.LastMove);
        }
    }

    [Fact]
    public async Task ClusterGoneAndBack_TheGatewayAsksLessAndLessOften_ThenFindsTheNewSiloByItself()
    {
        await using var cluster = await OneSiloCluster.StartAsync(gatewaySettings: new Dictionary<string, string?>
        {
            // Only the probe can bring the gateway back: no list read, no renewal, nobody connected.
            ["Orleans__GatewayListRefreshPeriod"] = "01:00:00",
            ["Gateway__ObserverRenewInterval"] = "01:00:00",
            ["Logging__LogLevel__OrleansGame.Gateway.Connections"] = "Debug",
        });

        // Stopped, not killed: a silo that joins validates its connectivity to every silo the membership table says
        // is active, and a killed only silo stays listed so (for as long as Orleans' own expiry of its entry).
        cluster.Silo.Terminate();
        Assert.Equal(0, await cluster.Silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        // Probes after 1 s, 2 s and 4 s fail (the cluster has no silo), so the next waits 8 s: an outage is not a
        // probe a second, each with Orleans' warnings, for as long as it lasts.
        await Polling.UntilAsync(() => Task.FromResult(cluster.Gateway.Output), log => log.Contains("asking again in 00:00:08", StringComparison.Ordinal),
            "the gateway's fourth probe to be 8 s away", TimeSpan.FromSeconds(40));
        Assert.DoesNotContain("The connection to the cluster is back", cluster.Gateway.Output, StringComparison.Ordinal);

        // A silo on new ports, which the gateway has never seen: its probe reads the silos' list and connects.
        await cluster.StartSecondSiloAsync();
        await Polling.UntilAsync(() => Task.FromResult(cluster.Gateway.Output), log => log.Contains("The connection to the cluster is back", StringComparison.Ordinal),
            "the gateway to reach the new silo", TimeSpan.FromSeconds(40));
        await Polling.UntilAsync(() => Task.FromResult(cluster.Gateway.Output), log => log.Contains("The cluster answered the gateway's probe (1 active silos)", StringComparison.Ordinal),
            "the probe's answer (which comes after the connection)", TimeSpan.FromSeconds(20));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

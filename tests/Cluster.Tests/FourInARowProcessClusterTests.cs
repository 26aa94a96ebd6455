using System.Diagnostics;
using System.Text.Json;
using OrleansGame.Client;
using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.FourInARow;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>
/// The second game on the process cluster, played through nginx and a gateway with the .NET SDK: a game of Four in a
/// Row half played goes through a SIGTERM to the silo hosting its room with its board, whose turn it is, the turn's
/// clock and the move count intact; a move made while the room is moving is not lost; and play goes on there to a win
/// recorded in both players' stats and on the leaderboard. Shares the cluster of <see cref="ProcessClusterTests"/>.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class FourInARowProcessClusterTests(ProcessCluster cluster, ITestOutputHelper output)
{
    private const string Mode = "four-in-a-row";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Silo_StoppedMidGame_BothPlayersSeeTheSameGame_WhichPlaysOnToARecordedWin()
    {
        var token = TestContext.Current.CancellationToken;
        await cluster.EnsureRunningAsync();
        await using var ada = new GameClient(new GameClientOptions { BaseAddress = cluster.Url });
        await using var bob = new GameClient(new GameClientOptions { BaseAddress = cluster.Url });
        await ada.CreateSessionAsync("Ada", token);
        await bob.CreateSessionAsync("Bob", token);
        var adaSees = new BoardWatch(await ada.CreateAsync(Mode, new CreateRoomOptions { IsPrivate = true }, token));
        var bobSees = new BoardWatch(await bob.JoinAsync(adaSees.Room.Id, token));
        var roomId = adaSees.Room.Id;
        BoardWatch[] players = [adaSees, bobSees];

        // The player to move drops into column 3, the other into 3, the first into 4: the second player to move.
        var started = await adaSees.WaitForAsync((s, _) => s.Phase == GamePhases.Playing, "the game to start", Bound);
        var (first, second) = started.Turn == adaSees.Room.PlayerId ? (adaSees, bobSees) : (bobSees, adaSees);
        await DropAsync(first, 3, players, moves: 1);
        await DropAsync(second, 3, players, moves: 2);
        var before = await DropAsync(first, 4, players, moves: 3);
        Assert.Equal((GamePhases.Playing, second.Room.PlayerId), (before.Phase, before.Turn));

        var host = cluster.HostOf(roomId) ?? throw new InvalidOperationException($"no silo log shows room {roomId}");
        var other = cluster.Silos.Single(s => s != host);
        var stopping = Stopwatch.GetTimestamp();
        try
        {
            Assert.Equal(0, await cluster.TerminateAsync(host));

            // The next move is made at once, while the room is still on its way to the surviving silo (and a gateway
            // whose Orleans client reached the cluster only through the stopped silo is still connecting again): it is
            // not lost, and it is taken from the restored board and turn.
            await second.Room.SendAsync(FourInARowMessageTypes.Drop, new DropMessage(4), token);
            await Polling.UntilAsync(() => Task.FromResult(cluster.HostOf(roomId)), h => h == other, $"room {roomId} resumed on {other}", Bound);

            var disc = before.Players.Single(p => p.Id == second.Room.PlayerId).Disc;
            var board = before.Board.Select(row => row.ToArray()).ToArray();
            board[4][4] = disc;
            foreach (var sees in players)
            {
                var next = await sees.WaitForAsync((s, _) => s.Moves == 4, "the move after the hand-over", Bound);
                Assert.Equal(Json(board), Json(next.Board));
                Assert.Equal((GamePhases.Playing, first.Room.PlayerId, new MoveView(4, 4, disc)), (next.Phase, next.Turn, next.LastMove));
                Assert.Equal(before.Players, next.Players);

                // Every state since the stop and before this move was the restored copy of the game as it was (a
                // resumed room sends its state once; a player whose gateway missed that copy saw only the move).
                var restored = sees.Seen.Where(x => x.At > stopping && x.State.Moves == 3).ToList();
                Assert.All(restored, x => Assert.Equal(Json(before), Json(x.State)));
                Assert.All(sees.Seen.Where(x => x.At > stopping), x => Assert.InRange(x.State.Moves, 3, 4));
                Report.Measured(output, restored.Count == 0
                    ? $"process cluster: Four in a Row, SIGTERM to {host}: {sees.Room.PlayerId} got no restored copy (its view was already the game)"
                    : $"process cluster: Four in a Row, SIGTERM to {host}: restored state for {sees.Room.PlayerId} {Stopwatch.GetElapsedTime(stopping, restored[0].At).TotalMilliseconds:0} ms after the signal");
            }

            // The first player completes the bottom row from column 3 to 6: the game ends on the surviving silo and
            // is recorded for both players, in their stats and on the leaderboard.
            await DropAsync(first, 5, players, moves: 5);
            await DropAsync(second, 0, players, moves: 6);
            var won = await DropAsync(first, 6, players, moves: 7);
            Assert.Equal((GamePhases.Over, GameOutcomes.Win, first.Room.PlayerId), (won.Phase, won.Outcome, won.Winner));
            Assert.Equal([new CellView(3, 5), new CellView(4, 5), new CellView(5, 5), new CellView(6, 5)], won.WinLine!.OrderBy(c => c.Column));
            foreach (var (sees, wins) in new[] { (first, 1), (second, 0) })
            {
                var profile = await Polling.UntilAsync(() => ada.GetPlayerAsync(sees.Room.PlayerId, token), p => p.GamesPlayed == 1, $"the game in {sees.Room.PlayerId}'s stats", Bound);
                Assert.Equal(wins, profile.Wins);
            }

            var row = await Polling.UntilAsync(
                async () => (await ada.GetLeaderboardAsync(100, token)).SingleOrDefault(r => r.PlayerId == first.Room.PlayerId),
                r => r is not null, "the winner on the leaderboard", Bound);
            Assert.Equal((1, 1), (row!.Wins, row.GamesPlayed));
        }
        finally
        {
            // Every member running for the next test, whatever happened here.
            if (host.Process is null)
            {
                await cluster.StartSiloAsync(host);
            }
        }
    }

    /// <summary>Drops a disc for <paramref name="mover"/> and returns the state both players then see (the same).</summary>
    private static async Task<BoardState> DropAsync(BoardWatch mover, int column, BoardWatch[] players, int moves)
    {
        Assert.True(mover.Room.IsActive, $"player {mover.Room.PlayerId} lost the seat");
        await mover.Room.SendAsync(FourInARowMessageTypes.Drop, new DropMessage(column), TestContext.Current.CancellationToken);
        var seen = new List<BoardState>();
        foreach (var sees in players)
        {
            seen.Add(await sees.WaitForAsync((s, _) => s.Moves == moves, $"move {moves}", Bound));
        }

        Assert.Equal(Json(seen[0]), Json(seen[1]));
        Assert.Equal(new MoveView(column, seen[0].LastMove!.Row, seen[0].Players.Single(p => p.Id == mover.Room.PlayerId).Disc), seen[0].LastMove);
        return seen[0];
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

using System.Diagnostics;
using System.Text.Json;
using OrleansGame.FourInARow;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Modes;
using OrleansGame.Rooms;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Silo.Tests;

/// <summary>
/// The second game through a silo's graceful stop: a Four in a Row game half played moves to the other silo with its
/// board, whose turn it is and the turn's clock intact, and play goes on there. The test owns its cluster.
/// </summary>
public sealed class FourInARowHandOverTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StopSilo_HostingAGameMidWay_BoardAndTurnSurviveAndPlayGoesOn()
    {
        await using var game = await HandOverCluster.StartAsync(new Dictionary<string, string?>
        {
            ["FourInARow:TurnTime"] = "00:05:00",
        });
        var (ada, adaSees) = await RegisterAsync(game.Client, "Ada");
        var (bob, bobSees) = await RegisterAsync(game.Client, "Bob");
        var created = await ada.CreateRoomAsync(new RoomRequest(null, ShippedModes.FourInARowName, true, new Dictionary<string, string>()));
        var roomId = created.Result?.RoomId ?? throw new InvalidOperationException($"create failed: {created.Error}");
        Assert.Null((await bob.JoinRoomAsync(new RoomRequest(roomId, null, false, new Dictionary<string, string>()))).Error);
        var room = game.Client.GetGrain<IRoomGrain>(roomId);

        // Ada (disc 1) 3, Bob 3, Ada 4: Bob to move, five moves from nothing.
        await room.DeliverAsync([Drop(ada, 3), Drop(bob, 3), Drop(ada, 4)]);
        var before = await adaSees.WaitForAsync((s, _) => s.Moves == 3, "three moves played", Bound);
        Assert.Equal(bob.GetPrimaryKeyString(), before.Turn);

        var host = game.HostOf(room) ?? throw new InvalidOperationException("the room is not active");
        var stopping = Stopwatch.GetTimestamp();
        await game.Cluster.StopSiloAsync(host, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // Nothing changed the game since, so the only state sent after the stop began is the one the room restored from
        // its checkpoint sends once, maybe before the stop completes: the same game.
        foreach (var sees in new[] { adaSees, bobSees })
        {
            var after = await sees.WaitForAsync((_, at) => at > stopping, "the state from the surviving silo", Bound);
            Assert.Equal(Json(before), Json(after));
        }

        Assert.NotEqual(host, game.HostOf(room));
        await room.DeliverAsync([Drop(bob, 4)]);
        var next = await bobSees.WaitForAsync((s, _) => s.Moves == 4, "Bob's move on the surviving silo", Bound);
        Assert.Equal((ada.GetPrimaryKeyString(), new MoveView(4, 4, 2)), (next.Turn, next.LastMove));
        Assert.Equal(GamePhases.Playing, next.Phase);
    }

    private static async Task<(IPlayerGrain Grain, BoardObserver Sees)> RegisterAsync(IClusterClient client, string name)
    {
        var grain = client.GetGrain<IPlayerGrain>($"p-{Guid.NewGuid():N}");
        await grain.RegisterAsync(name);
        var sees = new BoardObserver(client);
        await grain.AttachAsync(client.CreateObjectReference<IPlayerObserver>(sees));
        return (grain, sees);
    }

    private static InboundMessage Drop(IPlayerGrain player, int column) =>
        new(player.GetPrimaryKeyString(), FourInARowMessageTypes.Drop, new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(new DropMessage(column), RoomJson.Options)));

    private static string Json(BoardState state) => JsonSerializer.Serialize(state, RoomJson.Options);
}

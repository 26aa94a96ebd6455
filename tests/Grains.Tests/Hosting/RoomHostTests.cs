using System.Text.Json;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>The room host running modes it knows nothing about: joins, the tick's batch, sends, state and limits.</summary>
[Collection(ModeHostClusterCollection.Name)]
public sealed class RoomHostTests(ModeHostClusterFixture fixture)
{
    private static readonly Dictionary<string, string> NoProperties = [];

    [Fact]
    public async Task Join_ModeRefuses_FailsWithTheModesCode()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var banned = await fixture.NewPlayerAsync("Banned Bob");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;

        var outcome = await banned.JoinAsync(roomId);

        Assert.Null(outcome.Result);
        Assert.Equal("banned", outcome.Error!.Code);
        Assert.Null(await banned.Grain.GetCurrentRoomAsync());
        Assert.Equal(1, (await fixture.Room(roomId).GetInfoAsync()).Players);
    }

    [Fact]
    public async Task Create_UnknownMode_FailsWithUnknownMode()
    {
        var alice = await fixture.NewPlayerAsync("Alice");

        var created = await alice.Grain.CreateRoomAsync(new RoomRequest(null, "chess", false, NoProperties));
        var quick = await alice.Grain.JoinRoomAsync(new RoomRequest(null, "chess", false, NoProperties));

        Assert.Equal(ErrorCodes.UnknownMode, created.Error!.Code);
        Assert.Equal(ErrorCodes.UnknownMode, quick.Error!.Code);
    }

    [Fact]
    public async Task QuickJoin_NoMode_UsesTheFirstRegisteredModeAndWritesTheJoinResult()
    {
        var alice = await fixture.NewPlayerAsync("Alice");

        var joined = (await alice.Grain.JoinRoomAsync(RoomRequest.QuickJoin)).Result!;

        Assert.Equal("probe", joined.Mode);
        Assert.Equal([new MessageLimit("note", 200, 100, 100)], joined.Limits);
        using var result = JsonDocument.Parse(joined.Result.Utf8);
        Assert.Equal(
            ["roomId", "playerId", "capacity", "isPrivate", "roster", "state", "mode"],
            result.RootElement.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(joined.RoomId, result.RootElement.GetProperty("roomId").GetString());
        Assert.Equal(3, result.RootElement.GetProperty("capacity").GetInt32());
        Assert.Equal("Alice", result.RootElement.GetProperty("roster")[0].GetProperty("name").GetString());
        Assert.Equal("probe", result.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Tick_MessagesFromSeveralCalls_ReachTheModeOnceEachInOrderPerSender()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;
        await bob.JoinAsync(roomId);
        var room = fixture.Room(roomId);

        await room.DeliverAsync([Note(alice, "a1"), Note(bob, "b1"), Note(alice, "a2")]);
        await room.DeliverAsync([Note(bob, "b2"), Note(alice, "a3")]);
        await room.DeliverAsync([Note(alice, "a4"), Note(bob, "b3")]);

        var state = await alice.Connection.WaitForStateAsync<ProbeView>(static s => s.Log.Count >= 7, "all seven messages in the state");
        Assert.Equal(7, state.Log.Count);
        Assert.Equal(["a1", "a2", "a3", "a4"], TextsOf(alice, state));
        Assert.Equal(["b1", "b2", "b3"], TextsOf(bob, state));
    }

    [Fact]
    public async Task Send_ToOneSomeOrAll_ReachesExactlyThoseMembers()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var carol = await fixture.NewPlayerAsync("Carol");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;
        await bob.JoinAsync(roomId);
        await carol.JoinAsync(roomId);
        var room = fixture.Room(roomId);

        await room.DeliverAsync([Note(alice, $"to:{bob.Id}"), Note(alice, $"some:{alice.Id},{carol.Id}"), Note(bob, "all")]);
        await carol.Connection.WaitForStateAsync<ProbeView>(static s => s.Log.Count == 3, "the three notes handled");
        var shouts = await Eventually.WaitAsync(
            () => Task.FromResult(new[] { alice, bob, carol }.Count(p => Received(p, "shout") == 1)), static n => n == 3, "the shout everywhere");

        Assert.Equal((0, 1, 0), (Received(alice, "direct"), Received(bob, "direct"), Received(carol, "direct")));
        Assert.Equal((1, 0, 1), (Received(alice, "some"), Received(bob, "some"), Received(carol, "some")));
        Assert.Equal(3, shouts);
        var direct = bob.Connection.Messages.Single(static m => m.Type == "direct");
        Assert.Equal("Message", direct.Method);
        Assert.Equal($"to:{bob.Id}", ModeObserver.Read<Note>(direct.Payload).Text);
    }

    [Fact]
    public async Task Deliver_UnknownTypeUnreadableOrOversizedPayload_TellsTheSenderOnly()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;
        await bob.JoinAsync(roomId);
        var room = fixture.Room(roomId);

        await room.DeliverAsync(
        [
            ModeHostClusterFixture.Message(alice, "chess-move", new { from = "e2" }),
            new InboundMessage(alice.Id, "note", new JsonPayload("{\"text\": 5}"u8.ToArray())),
            ModeHostClusterFixture.Message(alice, "note", new Note(new string('x', 300))),
            Note(alice, "fine"),
        ]);

        Assert.NotNull(await alice.Connection.WaitForErrorAsync(ErrorCodes.UnknownMessage));
        Assert.NotNull(await alice.Connection.WaitForErrorAsync(ErrorCodes.InvalidArgument));
        Assert.NotNull(await alice.Connection.WaitForErrorAsync(ErrorCodes.MessageTooLarge));
        var state = await bob.Connection.WaitForStateAsync<ProbeView>(static s => s.Log.Count == 1, "the one readable note");
        Assert.Equal([$"{alice.Id}:fine"], state.Log);
        Assert.Empty(bob.Connection.Errors);
    }

    [Fact]
    public async Task State_PerMember_ShowsEachMemberOnlyItsOwnSecret()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var created = (await alice.CreateAsync("secret")).Result!;
        await bob.JoinAsync(created.RoomId);

        var aliceSees = await alice.Connection.WaitForStateAsync<SecretView>(static s => s.Players == 2, "two players in Alice's state");
        var bobSees = await bob.Connection.WaitForStateAsync<SecretView>(static s => s.Players == 2, "two players in Bob's state");

        Assert.Equal("secret of Alice", aliceSees.Mine);
        Assert.Equal("secret of Bob", bobSees.Mine);
        Assert.DoesNotContain(alice.Connection.Messages, static m => System.Text.Encoding.UTF8.GetString(m.Payload.Utf8).Contains("of Bob", StringComparison.Ordinal));
        Assert.DoesNotContain(bob.Connection.Messages, static m => System.Text.Encoding.UTF8.GetString(m.Payload.Utf8).Contains("of Alice", StringComparison.Ordinal));
        Assert.Contains("secret of Alice", System.Text.Encoding.UTF8.GetString(created.Result.Utf8), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_GameInProgressOfAModeThatTakesNobodyThen_FailsWithRoomInProgress()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var carol = await fixture.NewPlayerAsync("Carol");
        var roomId = (await alice.CreateAsync("secret")).Result!.RoomId;
        await bob.JoinAsync(roomId);

        var outcome = await carol.JoinAsync(roomId);

        Assert.Equal(ErrorCodes.RoomInProgress, outcome.Error!.Code);
        Assert.False((await fixture.Room(roomId).GetInfoAsync()).Joinable);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Room_MovedOrDeactivated_ResumesFromItsCheckpointWithTheModesStateIntact(bool migrate)
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;
        await bob.JoinAsync(roomId);
        var room = fixture.Room(roomId);
        await room.DeliverAsync([Note(alice, "before-1"), Note(bob, "before-2")]);
        var before = await alice.Connection.WaitForStateAsync<ProbeView>(static s => s.Log.Count == 2, "both notes before the move");

        var source = Host(room);
        var target = fixture.Cluster.GetActiveSilos().First(s => s.SiloAddress != source).SiloAddress;
        if (migrate)
        {
            await fixture.Cluster.MigrateAsync(room, target).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        else
        {
            await fixture.Cluster.DeactivateAsync(room).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Null(Host(room));
        }

        await room.DeliverAsync([Note(alice, "after")]);
        var after = await bob.Connection.WaitForStateAsync<ProbeView>(static s => s.Log.Count == 3, "the note after the move");

        if (migrate)
        {
            Assert.Equal(target, Host(room));
        }

        Assert.Equal([.. before.Log, $"{alice.Id}:after"], after.Log);
        Assert.True(after.Tick > before.Tick);
        Assert.Equal(2, (await room.GetInfoAsync()).Players);
    }

    private SiloAddress? Host(IRoomGrain room) =>
        fixture.Cluster.TryGetGrainContext(room.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    private static InboundMessage Note(ModePlayer player, string text) => ModeHostClusterFixture.Message(player, "note", new Note(text));

    private static string[] TextsOf(ModePlayer player, ProbeView state) =>
        [.. state.Log.Where(e => e.StartsWith(player.Id + ":", StringComparison.Ordinal)).Select(e => e[(player.Id.Length + 1)..])];

    private static int Received(ModePlayer player, string type) => player.Connection.Messages.Count(m => m.Type == type);
}

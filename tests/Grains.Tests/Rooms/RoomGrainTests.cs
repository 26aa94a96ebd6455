using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Rooms;

[Collection(GameClusterCollection.Name)]
public sealed class RoomGrainTests(GameClusterFixture fixture)
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Join_PlayerSteers_ReceivesSnapshotsAtTickRateAndSeesPositionAndAckSeqFollow()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        Assert.Equal(8, joined.Capacity);
        Assert.Equal([new RosterEntry(alice.Id, "Alice")], joined.Roster);
        Assert.Equal(24, joined.Orbs.Count);

        await alice.Connection.WaitForSnapshotAsync(_ => true);
        var before = alice.Connection.Snapshots.Count;
        await alice.Connection.WaitForAsync(o => o.Snapshots.Count >= before + 25 ? o : null, TwoSeconds, "25 snapshots within 2 s");

        // One snapshot for every tick. Orleans does not order one-way calls, so a burst that was held up can arrive
        // reversed: the ticks are compared in tick order, once the stragglers of the last burst are in.
        var ticks = await alice.Connection.WaitForAsync(o => Consecutive(o.Snapshots), what: "a snapshot for every tick");
        Assert.Equal(Enumerable.Range((int)ticks[0], ticks.Count).Select(t => (long)t), ticks);

        var start = alice.Connection.Snapshots[^1].Players.Single();
        Assert.Equal(0, start.AckSeq);
        var direction = start.X < 150 ? 1 : -1;
        await room.SendInputAsync(alice.Id, new InputMessage(1, direction, 0));
        var moved = await alice.Connection.WaitForSnapshotAsync(s => s.Players[0].AckSeq == 1 && (s.Players[0].X - start.X) * direction >= 20);
        Assert.Equal(start.Y, moved.Players[0].Y);

        await room.SendInputAsync(alice.Id, new InputMessage(2, -direction, 0));
        var back = await alice.Connection.WaitForSnapshotAsync(s => s.Players[0].AckSeq == 2 && (moved.Players[0].X - s.Players[0].X) * direction >= 10);
        Assert.Equal(RoomPhases.Playing, back.Phase);
        Assert.Equal(joined.RoomId, back.RoomId);
        Assert.All(
            alice.Connection.Snapshots.SelectMany(s => s.Players.SelectMany(p => new[] { p.X, p.Y }).Concat(s.Orbs.SelectMany(o => new[] { o.X, o.Y }))),
            v => Assert.Equal(Math.Round(v, 1), v));
    }

    [Fact]
    public async Task Join_NinthPlayer_IsRefusedWithRoomFull()
    {
        var players = new List<TestPlayer>();
        for (var i = 0; i < 9; i++)
        {
            players.Add(await fixture.NewPlayerAsync($"P{i}", attach: false));
        }

        var code = (await players[0].Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        for (var i = 1; i < 8; i++)
        {
            Assert.NotNull((await players[i].Grain.JoinRoomAsync(RoomRequests.ByCode(code))).Result);
        }

        var refused = await players[8].Grain.JoinRoomAsync(RoomRequests.ByCode(code));

        Assert.Null(refused.Result);
        Assert.Equal(ErrorCodes.RoomFull, refused.Error!.Code);
        Assert.Null(await players[8].Grain.GetCurrentRoomAsync());
        Assert.Equal(8, (await fixture.Client.GetGrain<IRoomGrain>(code).GetInfoAsync()).Players);
    }

    [Fact]
    public async Task Input_FromNonMember_ChangesNothing()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        var start = (await alice.Connection.WaitForSnapshotAsync(_ => true)).Players.Single();
        var stranger = $"p-{Guid.NewGuid():N}";

        await room.SendInputAsync(stranger, new InputMessage(1, 1, 1));
        await room.SendChatAsync(stranger, "let me in");
        await room.SendInputAsync(alice.Id, new InputMessage(1, 0, 0));
        var after = await alice.Connection.WaitForSnapshotAsync(s => s.Players.Any(p => p.AckSeq == 1));
        var later = await alice.Connection.WaitForSnapshotAsync(s => s.Tick >= after.Tick + 5);

        Assert.All([after, later], s => Assert.Equal([alice.Id], s.Players.Select(p => p.PlayerId)));
        Assert.Equal((start.X, start.Y), (later.Players[0].X, later.Players[0].Y));
        Assert.Empty(alice.Connection.Chats);
        Assert.Equal(1, (await room.GetInfoAsync()).Players);
    }

    [Fact]
    public async Task Input_WithNaNHugeOrStaleSeq_ChangesNothingAndBadOnesGetAnError()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        var stopped = await Steering.StopAsync(alice, room, seq: 5);

        // JSON has no NaN: a client that means it can only send something that is not a number, which the room cannot read.
        await room.SendRawInputAsync(alice.Id, """{"seq":6,"dx":"NaN","dy":0}""");
        await room.SendInputAsync(alice.Id, new InputMessage(7, 1e308, -1e308));
        await room.SendInputAsync(alice.Id, new InputMessage(3, 1, 0));
        await room.SendInputAsync(alice.Id, new InputMessage(5, 0, 1));
        var errors = await alice.Connection.WaitForAsync(o => o.Errors.Count >= 2 ? o.Errors : null, what: "two errors");
        var tick = alice.Connection.Snapshots[^1].Tick;
        var later = await alice.Connection.WaitForSnapshotAsync(s => s.Tick >= tick + 5);

        Assert.Equal([ErrorCodes.InvalidArgument, ArenaErrorCodes.InvalidInput], errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        var me = later.Players.Single();
        Assert.Equal(5, me.AckSeq);
        Assert.Equal((stopped.X, stopped.Y), (me.X, me.Y));
        Assert.Equal(2, alice.Connection.Errors.Count);
    }

    [Fact]
    public async Task Tick_WithThrowingAndUnansweringMembers_StillReachesTheHealthyOneAtFullRate()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob", attach: false);
        var carol = await fixture.NewPlayerAsync("Carol", attach: false);
        bob.Connection.Behaviour = ObserverBehaviour.Throws;
        carol.Connection.Behaviour = ObserverBehaviour.NeverAnswers;
        await bob.Grain.AttachAsync(bob.Reference);
        await carol.Grain.AttachAsync(carol.Reference);
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        Assert.NotNull((await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(code))).Result);
        Assert.NotNull((await carol.Grain.JoinRoomAsync(RoomRequests.ByCode(code))).Result);

        await alice.Connection.WaitForSnapshotAsync(s => s.Players.Count == 3);
        var before = alice.Connection.Snapshots.Count;
        await alice.Connection.WaitForAsync(o => o.Snapshots.Count >= before + 25 ? o : null, TwoSeconds, "25 snapshots within 2 s");

        Assert.True(carol.Connection.Snapshots.Count <= 1, "the unanswering connection is really stuck");

        // Each join announced once; two one-way pushes may arrive in either order.
        Assert.Equal(
            new[] { bob.Id, carol.Id }.Order(StringComparer.Ordinal),
            alice.Connection.Events.Where(e => e.Type == RoomEventTypes.PlayerJoined).Select(e => e.PlayerId!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Chat_FromMember_IsRelayedToEveryMemberWithTheName()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(code));

        await fixture.Client.GetGrain<IRoomGrain>(code).SendChatAsync(bob.Id, "  gg  ");

        foreach (var connection in new[] { alice.Connection, bob.Connection })
        {
            var chat = await connection.WaitForAsync(o => o.Chats.FirstOrDefault());
            Assert.Equal((bob.Id, "Bob", "gg"), (chat.PlayerId, chat.Name, chat.Text));
        }
    }

    [Fact]
    public async Task Chat_InvalidText_GetsInvalidChatAndIsNotRelayed()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(code));
        var room = fixture.Client.GetGrain<IRoomGrain>(code);

        await room.SendChatAsync(bob.Id, "bell\u0007");
        await room.SendChatAsync(bob.Id, "   ");
        await room.SendChatAsync(bob.Id, "ok");

        var errors = await bob.Connection.WaitForAsync(o => o.Errors.Count >= 2 ? o.Errors : null, what: "two errors");
        Assert.All(errors, e => Assert.Equal(ArenaErrorCodes.InvalidChat, e.Code));
        var chat = await alice.Connection.WaitForAsync(o => o.Chats.FirstOrDefault());
        Assert.Equal("ok", chat.Text);
        Assert.Single(alice.Connection.Chats);
    }

    [Fact]
    public async Task Join_NeverOpenedRoom_IsRefusedWithRoomNotFound()
    {
        var alice = await fixture.NewPlayerAsync("Alice", attach: false);

        var code = "zz" + Guid.NewGuid().ToString("N")[..4];
        var outcome = await alice.Grain.JoinRoomAsync(RoomRequests.ByCode(code));
        var badCode = await alice.Grain.JoinRoomAsync(RoomRequests.ByCode("NOT-A-CODE"));

        Assert.Equal(ErrorCodes.RoomNotFound, outcome.Error!.Code);
        var room = fixture.Client.GetGrain<IRoomGrain>(code);
        await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Cluster.TryGetGrainContext(room.GetGrainId(), out _)),
            active => !active,
            "the never-opened room's activation to go away");
        Assert.Equal(ErrorCodes.InvalidRoomId, badCode.Error!.Code);
        Assert.Null(await alice.Grain.GetCurrentRoomAsync());
    }

    /// <summary>The snapshots' ticks in order when they run without a gap, else null.</summary>
    private static List<long>? Consecutive(IReadOnlyList<Snapshot> snapshots)
    {
        var ticks = snapshots.Select(s => s.Tick).Order().ToList();
        return ticks.Count > 0 && ticks[^1] - ticks[0] == ticks.Count - 1 ? ticks : null;
    }
}

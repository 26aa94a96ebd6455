using OrleansGame.Rooms.Testing;

namespace OrleansGame.Rooms.Tests.Testing;

public sealed class RoomHarnessTests
{
    [Fact]
    public void Join_Accepted_SeatsTheMemberAndTellsTheMode()
    {
        var room = new RoomHarness<EchoState>(new EchoMode());

        var decision = room.Join("alice", "Alice");
        room.Join("bob", "Bob");

        Assert.True(decision.Accepted);
        Assert.Equal(["alice", "bob"], room.Room.Members.Select(m => m.PlayerId));
        Assert.Equal(["join alice", "join bob"], room.State.Events);
        Assert.Equal([new SentMessage("alice", "Welcome", "Bob")], room.Room.Sent);
    }

    [Fact]
    public void Join_ModeRefuses_ReturnsItsCodeAndSeatsNobody()
    {
        var room = new RoomHarness<EchoState>(new EchoMode());

        var decision = room.Join("mallory", "banned");

        Assert.Equal(("banned", "not in this room"), (decision.Code, decision.Message));
        Assert.Empty(room.Room.Members);
        Assert.Empty(room.State.Events);
    }

    [Fact]
    public void Join_EverySeatTaken_RefusedWithRoomFullBeforeTheModeIsAsked()
    {
        var room = new RoomHarness<EchoState>(new EchoMode()).Seat("a", "b", "c");

        var decision = room.Join("d", "banned");

        Assert.Equal(RoomHarness<EchoState>.RoomFull, decision.Code);
        Assert.Equal(3, room.Room.Members.Count);
        Assert.Throws<InvalidOperationException>(() => room.Seat("d"));
    }

    [Fact]
    public void Join_GameUnderWayInAModeThatTakesNobodyNew_RefusedWithRoomInProgress()
    {
        var closed = new RoomHarness<EchoState>(new EchoMode(new ModeSettings { JoinInProgress = false })).Seat("a");
        var open = new RoomHarness<EchoState>(new EchoMode()).Seat("a");
        closed.Room.InProgress = open.Room.InProgress = true;

        Assert.Equal(RoomHarness<EchoState>.RoomInProgress, closed.Join("b", "B").Code);
        Assert.True(open.Join("b", "B").Accepted);
    }

    [Fact]
    public void Tick_MovesTheClockByOneIntervalAndHandsTheBatchInOrder()
    {
        var room = new RoomHarness<EchoState>(new EchoMode(new ModeSettings { TickRate = 10, StatePerMember = true })).Seat("alice", "bob");
        var start = room.Room.Now;

        room.Tick(new RoomMessage("alice", "Say", "hi"), new RoomMessage("bob", "Shout", "HI"), new RoomMessage("alice", "Say", "again"));
        room.Ticks(2);

        Assert.Equal(3, room.Room.Tick);
        Assert.Equal(start + TimeSpan.FromMilliseconds(300), room.Room.Now);
        Assert.Equal($"tick 1 at {(start + TimeSpan.FromMilliseconds(100)).ToUnixTimeMilliseconds()}", room.State.Events[2]);
        Assert.Equal([new SentMessage("alice", "Echo", "hi"), new SentMessage("alice", "Echo", "again")], room.Room.Sent.Where(s => s.Type == "Echo"));
        Assert.Equal([new Rejection("bob", "unknown_type", "no Shout here")], room.Room.Rejections);
    }

    [Fact]
    public void Drop_MemberIsAwayAndReceivesNothingUntilItReturns()
    {
        var room = new RoomHarness<EchoState>(new EchoMode()).Seat("alice", "bob");

        room.Drop("bob");
        room.Join("carol", "Carol");
        room.Return("bob");
        room.Leave("alice", LeaveReason.SeatExpired);

        Assert.Equal([new SentMessage("alice", "Welcome", "bob"), new SentMessage("alice", "Welcome", "Carol")], room.Room.Sent);
        Assert.Equal(["join alice", "join bob", "leave bob Dropped", "join carol", "return bob", "leave alice SeatExpired"], room.State.Events);
        Assert.Equal(["bob", "carol"], room.Room.Members.Select(m => m.PlayerId));
        Assert.False(room.Room.Find("bob")!.IsAway);
    }

    [Fact]
    public void StateJson_PerMember_ShowsEachViewerItsOwn()
    {
        var room = new RoomHarness<EchoState>(new EchoMode()).Seat("alice", "bob");

        room.Tick(new RoomMessage("bob", "Say", "one"), new RoomMessage("bob", "Say", "two"));

        Assert.Equal("""{"viewer":"bob","lines":2}""", room.StateJson("bob"));
        Assert.Equal("""{"viewer":"alice","lines":0}""", room.StateJson("alice"));
        Assert.Throws<InvalidOperationException>(() => room.StateJson("nobody"));
    }

    [Fact]
    public void Restore_ReplacesTheStateWithItsCheckpointsRoundTrip()
    {
        var room = new RoomHarness<EchoState>(new EchoMode(), seed: 42).Seat("alice");
        room.Tick(new RoomMessage("alice", "Say", "hi"));
        var before = room.State;
        var checkpoint = room.CheckpointJson();

        room.Restore();

        Assert.NotSame(before, room.State);
        Assert.Equal(checkpoint, room.CheckpointJson());
        Assert.Equal((42UL, 1), (room.State.Seed, room.State.Lines["alice"]));
    }
}

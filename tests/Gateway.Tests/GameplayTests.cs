using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class GameplayTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData(WireProtocol.Json, WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack, WireProtocol.MessagePack)]
    [InlineData(WireProtocol.Json, WireProtocol.MessagePack)]
    public async Task TwoClients_InOneRoom_GetSnapshotsSeeEachOtherMoveAndChat(WireProtocol first, WireProtocol second)
    {
        await using var alice = await Host.ConnectNewPlayerAsync(first, "Alice");
        await using var bob = await Host.ConnectNewPlayerAsync(second, "Bob");

        var aliceJoin = await alice.QuickJoinAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);
        var bobJoin = await bob.JoinAsync(aliceJoin.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(aliceJoin.RoomId, bobJoin.RoomId);
        Assert.Contains(bobJoin.Roster, r => r.PlayerId == alice.PlayerId && r.Name == "Alice");
        Assert.Contains(bobJoin.Roster, r => r.PlayerId == bob.PlayerId && r.Name == "Bob");
        Assert.NotEmpty(bobJoin.Orbs);

        // Both receive the room's snapshots at about 20 a second.
        var start = Stopwatch.GetTimestamp();
        bool BothSeated(OrleansGame.Arena.Wire.Snapshot s) =>
            s.Players.Any(p => p.PlayerId == alice.PlayerId) && s.Players.Any(p => p.PlayerId == bob.PlayerId);
        await alice.WaitForSnapshotAsync(BothSeated, Bound);
        await bob.WaitForSnapshotAsync(BothSeated, Bound);
        var windowStart = Stopwatch.GetTimestamp();
        var origin = await alice.WaitForSnapshotAsync(_ => true, Bound);
        var aliceAt = origin.Players.Single(p => p.PlayerId == alice.PlayerId);
        var bobAt = origin.Players.Single(p => p.PlayerId == bob.PlayerId);

        // Each sees the other move.
        await alice.SendInputAsync(1, aliceAt.X < 500 ? 1 : -1, 0);
        var seenByBob = await bob.WaitForSnapshotAsync(
            s => s.Players.Single(p => p.PlayerId == alice.PlayerId) is { AckSeq: 1 } a && Math.Abs(a.X - aliceAt.X) > 5, Bound);
        Assert.Equal(aliceAt.Y, seenByBob.Players.Single(p => p.PlayerId == alice.PlayerId).Y, 1);
        await bob.SendInputAsync(1, 0, bobAt.Y < 500 ? 1 : -1);
        await alice.WaitForSnapshotAsync(
            s => s.Players.Single(p => p.PlayerId == bob.PlayerId) is { AckSeq: 1 } b && Math.Abs(b.Y - bobAt.Y) > 5, Bound);

        // Chat reaches both.
        await alice.SendChatAsync("  gg  ");
        var toAlice = await alice.WaitForChatAsync(Bound);
        var toBob = await bob.WaitForChatAsync(Bound);
        Assert.Equal(("gg", alice.PlayerId, "Alice"), (toAlice.Text, toAlice.PlayerId, toAlice.Name));
        Assert.Equal(("gg", alice.PlayerId), (toBob.Text, toBob.PlayerId));

        // Measured over the whole exchange, each client saw about 20 snapshots a second.
        await alice.WaitForSnapshotAsync(_ => Stopwatch.GetElapsedTime(windowStart) > TimeSpan.FromSeconds(1.5), Bound);
        var windowEnd = Stopwatch.GetTimestamp();
        var seconds = Stopwatch.GetElapsedTime(windowStart, windowEnd).TotalSeconds;
        foreach (var client in new[] { alice, bob })
        {
            var (gap, count) = client.SnapshotStats(windowStart, windowEnd);
            var rate = count / seconds;
            TestContext.Current.TestOutputHelper?.WriteLine($"{client.Session.Name}: {rate:F1} snapshots/s, longest gap {gap.TotalMilliseconds:F0} ms");
            Assert.InRange(rate, 12, 30);
            Assert.True(gap < TimeSpan.FromSeconds(1), $"a {gap.TotalMilliseconds} ms gap between snapshots");
        }

        Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(30));

        // Leaving frees the seats now: a dropped player's seat is held for 20 s, and held seats of the public rooms
        // quick join fills would add up across tests sharing this gateway until one is full.
        await alice.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken);
        await bob.Connection.InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task CreateRoom_Private_IsJoinableByCodeAndNotListed(WireProtocol protocol)
    {
        await using var owner = await Host.ConnectNewPlayerAsync(protocol);
        await using var guest = await Host.ConnectNewPlayerAsync(protocol);

        var created = await owner.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
        var joined = await guest.JoinAsync(created.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);
        var listed = await Host.Http.GetStringAsync("/api/rooms", TestContext.Current.CancellationToken);

        Assert.True(created.IsPrivate);
        Assert.Equal(created.RoomId, joined.RoomId);
        Assert.DoesNotContain(created.RoomId, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rooms_PublicRoom_IsListedWithItsShape()
    {
        await using var owner = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        var created = await owner.CreateRoomAsync(isPrivate: false).WaitAsync(Bound, TestContext.Current.CancellationToken);

        var room = await Eventually.WaitAsync(
            async () => System.Text.Json.JsonDocument.Parse(await Host.Http.GetStringAsync("/api/rooms", TestContext.Current.CancellationToken))
                .RootElement.EnumerateArray().FirstOrDefault(r => r.GetProperty("roomId").GetString() == created.RoomId),
            r => r.ValueKind == System.Text.Json.JsonValueKind.Object && r.GetProperty("players").GetInt32() == 1,
            Bound);

        Assert.Equal(1, room.GetProperty("players").GetInt32());
        Assert.Equal(created.Capacity, room.GetProperty("capacity").GetInt32());
        Assert.Equal("playing", room.GetProperty("phase").GetString());
        Assert.False(room.GetProperty("isPrivate").GetBoolean());
    }
}

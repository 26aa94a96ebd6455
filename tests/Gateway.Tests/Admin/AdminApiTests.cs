using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Admin;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Tests.Admin;

/// <summary>The admin API on a real gateway: what it shows of rooms and players, its actions, their audit, and its refusals.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminApiTests(AdminFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private GatewayHost Host => fixture.Host;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rooms_ListTheRoomTwoPlayersPlayIn_WithModeMembersSiloAndTick()
    {
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync();
        await using var _ = alice;
        await using var __ = bob;

        var rooms = await Eventually.WaitAsync(
            () => GetJsonAsync("/admin/api/rooms", AdminFixture.ReadOnlyKey),
            list => list.EnumerateArray().Any(r => r.GetProperty("roomId").GetString() == roomId && r.GetProperty("players").GetInt32() == 2 && r.GetProperty("tick").GetInt64() > 0),
            Bound);

        var room = rooms.EnumerateArray().Single(r => r.GetProperty("roomId").GetString() == roomId);
        Assert.Equal("arena", room.GetProperty("mode").GetString());
        Assert.True(room.GetProperty("isPrivate").GetBoolean());
        Assert.False(string.IsNullOrEmpty(room.GetProperty("silo").GetString()));
        Assert.True(room.GetProperty("tick").GetInt64() > 0);
        Assert.True(room.GetProperty("tickIntervalMs").GetDouble() > 0);
        Assert.True(room.GetProperty("latenessMs").GetDouble() >= 0);
        Assert.True(room.GetProperty("ageSeconds").GetDouble() >= 0);
        var silos = await GetJsonAsync("/admin/api/silos", AdminFixture.ReadOnlyKey);
        Assert.Contains(silos.EnumerateArray(), s => s.GetProperty("address").GetString() == room.GetProperty("silo").GetString());
    }

    [Fact]
    public async Task RoomDetail_ShowsMembersWithRttAndAwayState_AndTheModesState()
    {
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync();
        await using var _ = alice;
        await using var __ = bob;

        // RTT comes with the first answered pings; the room learns it one way.
        var detail = await Eventually.WaitAsync(
            () => GetJsonAsync($"/admin/api/rooms/{roomId}", AdminFixture.ReadOnlyKey),
            d => d.GetProperty("members").EnumerateArray().All(m => m.GetProperty("rttMs").GetInt32() > 0),
            Bound);

        var members = detail.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([alice.PlayerId, bob.PlayerId], members.Select(m => m.GetProperty("playerId").GetString()));

        Assert.All(members, m => Assert.False(m.GetProperty("away").GetBoolean()));
        Assert.Equal("Snapshot", detail.GetProperty("stateMethod").GetString());
        var players = detail.GetProperty("state").GetProperty("players").EnumerateArray().Select(p => p.GetProperty("playerId").GetString());
        Assert.Equal(new[] { alice.PlayerId, bob.PlayerId }.Order(StringComparer.Ordinal), players.Order(StringComparer.Ordinal));

        await bob.Connection.StopAsync(Cancel);
        var away = await Eventually.WaitAsync(
            () => GetJsonAsync($"/admin/api/rooms/{roomId}", AdminFixture.ReadOnlyKey),
            d => d.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("playerId").GetString() == bob.PlayerId && m.GetProperty("away").GetBoolean()),
            Bound);
        Assert.Equal(2, away.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task RoomDetail_OfNoRoom_Is404RoomNotFound_AndOfABadCode400()
    {
        using var missing = await fixture.SendAsync(HttpMethod.Get, "/admin/api/rooms/zzzzz9", AdminFixture.ReadOnlyKey);
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        using var bad = await fixture.SendAsync(HttpMethod.Get, "/admin/api/rooms/NOPE", AdminFixture.ReadOnlyKey);
        await AssertProblemAsync(bad, HttpStatusCode.BadRequest, ErrorCodes.InvalidRoomId);
    }

    [Fact]
    public async Task CloseRoom_MembersGetRoomClosedWithTheReason_LoseTheirSeats_AndTheActionIsAudited()
    {
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync();
        await using var _ = alice;
        await using var __ = bob;
        var before = await fixture.ActionCountAsync(AdminAction.CloseRoom, AdminOutcomes.Ok);

        using var response = await fixture.SendAsync(HttpMethod.Post, $"/admin/api/rooms/{roomId}/close", body: new { reason = "cheating suspected" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var client in new[] { alice, bob })
        {
            var error = await client.WaitForErrorAsync(Bound);
            Assert.Equal(ErrorCodes.RoomClosed, error.Code);
            Assert.Equal("cheating suspected", error.Message);
        }

        using var gone = await fixture.SendAsync(HttpMethod.Get, $"/admin/api/rooms/{roomId}", AdminFixture.ReadOnlyKey);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var player = await Eventually.WaitAsync(
            () => GetJsonAsync($"/admin/api/players/{alice.PlayerId}", AdminFixture.ReadOnlyKey),
            p => !p.TryGetProperty("currentRoom", out var seat) || seat.ValueKind == JsonValueKind.Null,
            Bound);
        Assert.True(player.GetProperty("connected").GetBoolean());
        AssertAudited("olga", AdminAction.CloseRoom, roomId, AdminOutcomes.Ok);
        await AssertCountedAsync(AdminAction.CloseRoom, AdminOutcomes.Ok, before + 1);
    }

    [Fact]
    public async Task CloseRoom_OfNoRoom_Is404_AndAuditedAsNotFound()
    {
        var before = await fixture.ActionCountAsync(AdminAction.CloseRoom, AdminOutcomes.NotFound);

        using var response = await fixture.SendAsync(HttpMethod.Post, "/admin/api/rooms/qqqqq1/close");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
        AssertAudited("olga", AdminAction.CloseRoom, "qqqqq1", AdminOutcomes.NotFound);
        await AssertCountedAsync(AdminAction.CloseRoom, AdminOutcomes.NotFound, before + 1);
    }

    [Fact]
    public async Task KickPlayer_GetsClosingKickedWithTheReason_TheRoomLosesTheSeat_AndTheActionIsAudited()
    {
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync();
        await using var _ = alice;
        await using var __ = bob;
        var before = await fixture.ActionCountAsync(AdminAction.KickPlayer, AdminOutcomes.Ok);

        using var response = await fixture.SendAsync(HttpMethod.Post, $"/admin/api/players/{bob.PlayerId}/kick", body: new { reason = "abusive chat" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var closing = await bob.Closing.WaitAsync(Bound, Cancel);
        Assert.Equal(ClosingReasons.Kicked, closing.Reason);
        Assert.Equal("abusive chat", closing.Message);
        await bob.Closed.WaitAsync(Bound, Cancel);
        var detail = await Eventually.WaitAsync(
            () => GetJsonAsync($"/admin/api/rooms/{roomId}", AdminFixture.ReadOnlyKey),
            d => d.GetProperty("members").GetArrayLength() == 1,
            Bound);
        Assert.Equal(alice.PlayerId, detail.GetProperty("members")[0].GetProperty("playerId").GetString());
        var player = await GetJsonAsync($"/admin/api/players/{bob.PlayerId}", AdminFixture.ReadOnlyKey);
        Assert.False(player.GetProperty("connected").GetBoolean());
        AssertAudited("olga", AdminAction.KickPlayer, bob.PlayerId, AdminOutcomes.Ok);
        await AssertCountedAsync(AdminAction.KickPlayer, AdminOutcomes.Ok, before + 1);
    }

    [Fact]
    public async Task RoomDetail_RecentEvents_TellTheJoinsALeaveAndAnOperatorsKick_NewestFirst()
    {
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync();
        await using var _ = alice;
        await using var __ = bob;
        await using var carol = await Host.ConnectNewPlayerAsync(WireProtocol.Json, "Carol");
        await carol.JoinAsync(roomId).WaitAsync(Bound, Cancel);
        await carol.Connection.InvokeAsync("LeaveRoom", Cancel).WaitAsync(Bound, Cancel);
        var kicks = await fixture.ActionCountAsync(AdminAction.KickPlayer, AdminOutcomes.Ok);
        using var kick = await fixture.SendAsync(HttpMethod.Post, $"/admin/api/players/{bob.PlayerId}/kick", body: new { reason = "abusive chat" });
        Assert.Equal(HttpStatusCode.OK, kick.StatusCode);

        var detail = await Eventually.WaitAsync(
            () => GetJsonAsync($"/admin/api/rooms/{roomId}", AdminFixture.ReadOnlyKey),
            d => d.GetProperty("recentEvents").EnumerateArray().Any(e => e.GetProperty("code").GetString() == RoomLogCodes.Kicked),
            Bound);

        var events = detail.GetProperty("recentEvents").EnumerateArray().ToList();
        Assert.Equal(RoomLogCodes.Kicked, events[0].GetProperty("code").GetString());
        Assert.Contains("abusive chat", events[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(bob.PlayerId, events[0].GetProperty("playerId").GetString());
        var times = events.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);

        // Oldest first, the room's own story: opened by Alice's create, three joins, Carol's leave, the operator's kick.
        var story = events.AsEnumerable().Reverse()
            .Where(e => e.GetProperty("code").GetString() is RoomLogCodes.Opened or RoomLogCodes.Joined or RoomLogCodes.Left or RoomLogCodes.Kicked)
            .Select(e => (e.GetProperty("code").GetString(), e.TryGetProperty("playerId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null));
        Assert.Equal(
            [
                (RoomLogCodes.Opened, null), (RoomLogCodes.Joined, alice.PlayerId), (RoomLogCodes.Joined, bob.PlayerId),
                (RoomLogCodes.Joined, carol.PlayerId), (RoomLogCodes.Left, carol.PlayerId), (RoomLogCodes.Kicked, bob.PlayerId),
            ],
            story);
        AssertAudited("olga", AdminAction.KickPlayer, bob.PlayerId, AdminOutcomes.Ok);
        // Counted too; waiting for it also keeps the next test's reading of the counter (which /metrics caches briefly) from missing this kick.
        await AssertCountedAsync(AdminAction.KickPlayer, AdminOutcomes.Ok, kicks + 1);
    }

    [Fact]
    public async Task KickPlayer_NobodyByThatId_Is404_AndATooLongReason400()
    {
        using var missing = await fixture.SendAsync(HttpMethod.Post, "/admin/api/players/nobody-here/kick");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var session = await Host.CreateSessionAsync();
        using var tooLong = await fixture.SendAsync(HttpMethod.Post, $"/admin/api/players/{session.PlayerId}/kick", body: new { reason = new string('x', 201) });
        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, ErrorCodes.InvalidArgument);
        AssertAudited("olga", AdminAction.KickPlayer, session.PlayerId, AdminOutcomes.Invalid);
    }

    [Fact]
    public async Task MoveRoom_ToAnUnknownSilo_Is400SiloNotFound_AndToItsOwnSilo409SameSilo()
    {
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync();
        await using var _ = alice;
        await using var __ = bob;
        var before = await fixture.ActionCountAsync(AdminAction.MoveRoom, AdminOutcomes.Invalid);

        using var unknown = await fixture.SendAsync(HttpMethod.Post, $"/admin/api/rooms/{roomId}/move", body: new { silo = "10.9.9.9:1@1" });
        await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, AdminErrorCodes.SiloNotFound);
        var silo = (await GetJsonAsync("/admin/api/silos", AdminFixture.ReadOnlyKey))[0].GetProperty("address").GetString();
        using var same = await fixture.SendAsync(HttpMethod.Post, $"/admin/api/rooms/{roomId}/move", body: new { silo });
        await AssertProblemAsync(same, HttpStatusCode.Conflict, AdminErrorCodes.SameSilo);

        AssertAudited("olga", AdminAction.MoveRoom, roomId, AdminOutcomes.Invalid);
        await AssertCountedAsync(AdminAction.MoveRoom, AdminOutcomes.Invalid, before + 2);
    }

    [Fact]
    public async Task ResetLeaderboard_EmptiesIt_AndIsAudited()
    {
        var before = await fixture.ActionCountAsync(AdminAction.ResetLeaderboard, AdminOutcomes.Ok);

        using var response = await fixture.SendAsync(HttpMethod.Post, "/admin/api/leaderboard/reset");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await GetJsonAsync("/admin/api/leaderboard", AdminFixture.ReadOnlyKey)).GetArrayLength());
        Assert.Empty(await Host.Http.GetFromJsonAsync<JsonElement[]>("/api/leaderboard", Cancel) ?? []);
        AssertAudited("olga", AdminAction.ResetLeaderboard, "rows", AdminOutcomes.Ok);
        await AssertCountedAsync(AdminAction.ResetLeaderboard, AdminOutcomes.Ok, before + 1);
    }

    [Fact]
    public async Task Players_FoundByIdAndByName_WithProfileCurrentRoomAndConnection()
    {
        var name = "Zed" + Random.Shared.Next(10_000, 99_999);
        var (alice, bob, roomId) = await TwoPlayersInARoomAsync(bobName: name);
        await using var _ = alice;
        await using var __ = bob;

        var byId = await GetJsonAsync($"/admin/api/players?query={bob.PlayerId}", AdminFixture.ReadOnlyKey);
        Assert.Contains(byId.EnumerateArray(), m => m.GetProperty("playerId").GetString() == bob.PlayerId && m.GetProperty("foundIn").GetString() == "id");
        var byName = await GetJsonAsync($"/admin/api/players?query={name.ToLowerInvariant()}", AdminFixture.ReadOnlyKey);
        var match = Assert.Single(byName.EnumerateArray());
        Assert.Equal(bob.PlayerId, match.GetProperty("playerId").GetString());

        var player = await GetJsonAsync($"/admin/api/players/{bob.PlayerId}", AdminFixture.ReadOnlyKey);
        Assert.Equal(name, player.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal(roomId, player.GetProperty("currentRoom").GetString());
        Assert.True(player.GetProperty("connected").GetBoolean());

        using var empty = await fixture.SendAsync(HttpMethod.Get, "/admin/api/players?query=", AdminFixture.ReadOnlyKey);
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, ErrorCodes.InvalidArgument);
    }

    public static TheoryData<string, string> Actions() => new()
    {
        { AdminAction.CloseRoom, "/admin/api/rooms/abc123/close" },
        { AdminAction.MoveRoom, "/admin/api/rooms/abc123/move" },
        { AdminAction.KickPlayer, "/admin/api/players/somebody/kick" },
        { AdminAction.ResetLeaderboard, "/admin/api/leaderboard/reset" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_WithoutAKey_Is401_WithAnUnknownKey401_AndWithAReadOnlyKey403_EachAudited(string action, string path)
    {
        var unauthorized = await fixture.ActionCountAsync(action, AdminOutcomes.Unauthorized);
        var forbidden = await fixture.ActionCountAsync(action, AdminOutcomes.Forbidden);

        using (var none = await fixture.SendAsync(HttpMethod.Post, path, key: null))
        {
            await AssertProblemAsync(none, HttpStatusCode.Unauthorized, AdminErrorCodes.Unauthorized);
        }

        using (var wrong = await fixture.SendAsync(HttpMethod.Post, path, key: AdminFixture.OperatorKey + "x"))
        {
            await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, AdminErrorCodes.Unauthorized);
        }

        using (var readOnly = await fixture.SendAsync(HttpMethod.Post, path, key: AdminFixture.ReadOnlyKey))
        {
            await AssertProblemAsync(readOnly, HttpStatusCode.Forbidden, AdminErrorCodes.Forbidden);
        }

        AssertAudited("anonymous", action, path, AdminOutcomes.Unauthorized);
        AssertAudited("rita", action, path, AdminOutcomes.Forbidden);
        await AssertCountedAsync(action, AdminOutcomes.Unauthorized, unauthorized + 2);
        await AssertCountedAsync(action, AdminOutcomes.Forbidden, forbidden + 1);
    }

    [Theory]
    [InlineData("/admin/api/rooms")]
    [InlineData("/admin/api/silos")]
    [InlineData("/admin/api/leaderboard")]
    [InlineData("/admin/api/players/somebody")]
    public async Task Read_WithoutAKey_Is401_AndWithAReadOnlyKeyAnswers(string path)
    {
        using var none = await fixture.SendAsync(HttpMethod.Get, path, key: null);
        await AssertProblemAsync(none, HttpStatusCode.Unauthorized, AdminErrorCodes.Unauthorized);
        using var readOnly = await fixture.SendAsync(HttpMethod.Get, path, key: AdminFixture.ReadOnlyKey);
        Assert.NotEqual(HttpStatusCode.Unauthorized, readOnly.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    [Fact]
    public async Task Me_NamesTheKeysHolderAndRole()
    {
        var me = await GetJsonAsync("/admin/api/me", AdminFixture.ReadOnlyKey);
        Assert.Equal("rita", me.GetProperty("name").GetString());
        Assert.Equal("ReadOnly", me.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("/admin/api/rooms")]
    [InlineData("/admin")]
    public async Task TheGamesPort_AnswersTheConsole404(string path)
    {
        using var request = fixture.Request(HttpMethod.Get, path, AdminFixture.OperatorKey);
        using var response = await Host.Http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(TestClient Alice, TestClient Bob, string RoomId)> TwoPlayersInARoomAsync(string? bobName = null)
    {
        var alice = await Host.ConnectNewPlayerAsync(WireProtocol.Json);
        var bob = await Host.ConnectNewPlayerAsync(WireProtocol.Json, bobName);
        var created = await alice.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, Cancel);
        await bob.JoinAsync(created.RoomId).WaitAsync(Bound, Cancel);
        return (alice, bob, created.RoomId);
    }

    private async Task<JsonElement> GetJsonAsync(string path, string key)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private void AssertAudited(string admin, string action, string target, string outcome) =>
        Assert.Contains(fixture.Logs.Lines, line =>
            line.Category == typeof(AdminAudit).FullName
            && Equals(line.Values.GetValueOrDefault("Admin"), admin)
            && Equals(line.Values.GetValueOrDefault("Action"), action)
            && (line.Values.GetValueOrDefault("Target") as string ?? "").Contains(target, StringComparison.Ordinal)
            && Equals(line.Values.GetValueOrDefault("Outcome"), outcome)
            && line.Values.GetValueOrDefault("At") is DateTimeOffset);

    private async Task AssertCountedAsync(string action, string outcome, double expected)
    {
        var counted = await Eventually.WaitAsync(() => fixture.ActionCountAsync(action, outcome), value => value >= expected, Bound);
        Assert.Equal(expected, counted);
    }
}

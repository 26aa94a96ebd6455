using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Operations;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Admin;

/// <summary>
/// The admin API under <c>/admin/api</c>, on the operations port only: rooms and players as the cluster knows them
/// (Orleans' management grain lists the live room activations, each room describes itself, each player grain its
/// player), and the operators' actions, audited.
/// </summary>
internal static class AdminEndpoints
{
    private const int MaxReasonLength = 200;
    private const string DefaultCloseReason = "the room was closed by an operator";
    private const string DefaultKickReason = "removed by an operator";

    /// <summary>Maps the admin API.</summary>
    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapOperations().MapGroup("/admin/api").AddEndpointFilter<AdminAccessFilter>().WithTags("admin");
        api.MapGet("/me", Me);
        api.MapGet("/silos", ListSilosAsync);
        api.MapGet("/rooms", ListRoomsAsync);
        api.MapGet("/rooms/{roomId}", GetRoomAsync);
        api.MapPost("/rooms/{roomId}/close", CloseRoomAsync).WithMetadata(new AdminAction(AdminAction.CloseRoom));
        api.MapPost("/rooms/{roomId}/move", MoveRoomAsync).WithMetadata(new AdminAction(AdminAction.MoveRoom));
        api.MapGet("/players", FindPlayersAsync);
        api.MapGet("/players/{playerId}", GetPlayerAsync);
        api.MapPost("/players/{playerId}/kick", KickPlayerAsync).WithMetadata(new AdminAction(AdminAction.KickPlayer));
        api.MapGet("/leaderboard", GetLeaderboardAsync);
        api.MapPost("/leaderboard/reset", ResetLeaderboardAsync).WithMetadata(new AdminAction(AdminAction.ResetLeaderboard));
    }

    private static AdminCaller Caller(HttpContext http) => (AdminCaller)http.Items[typeof(AdminCaller)]!;

    private static AdminIdentity Me(HttpContext http) => new(Caller(http).Name, Caller(http).Role);

    private static async Task<IReadOnlyList<AdminSilo>> ListSilosAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return [.. hosts.Select(static h => new AdminSilo(h.Key.ToParsableString(), h.Value.ToString())).OrderBy(static s => s.Address, StringComparer.Ordinal)];
    }

    /// <summary>Every live room: the room activations Orleans knows of, each asked to describe itself; oldest first.</summary>
    private static async Task<IReadOnlyList<AdminRoomSummary>> ListRoomsAsync(IGrainFactory grains, TimeProvider time)
    {
        var views = await InspectLiveRoomsAsync(grains);
        var now = time.GetUtcNow();
        return [.. views.Select(v => AdminRoomSummary.Of(v, now)).OrderBy(static r => r.ActiveSince).ThenBy(static r => r.RoomId, StringComparer.Ordinal)];
    }

    private static async Task<IResult> GetRoomAsync(string roomId, IGrainFactory grains, TimeProvider time)
    {
        if (!RoomCodes.IsValid(roomId))
        {
            return InvalidRoomId();
        }

        return await grains.GetGrain<IRoomGrain>(roomId).InspectAsync() is { } view
            ? TypedResults.Ok(AdminRoomDetail.Of(view, time.GetUtcNow()))
            : RoomNotFound(roomId);
    }

    private static async Task<IResult> CloseRoomAsync(string roomId, AdminReasonRequest? request, HttpContext http, IGrainFactory grains, AdminAudit audit)
    {
        var caller = Caller(http);
        if (!RoomCodes.IsValid(roomId))
        {
            audit.Record(caller.Name, AdminAction.CloseRoom, roomId, AdminOutcomes.Invalid);
            return InvalidRoomId();
        }

        if (!TryReason(request?.Reason, DefaultCloseReason, out var reason, out var problem))
        {
            audit.Record(caller.Name, AdminAction.CloseRoom, roomId, AdminOutcomes.Invalid);
            return problem;
        }

        var closed = await grains.GetGrain<IRoomGrain>(roomId).CloseRoomAsync(reason);
        return Done(audit, caller, AdminAction.CloseRoom, roomId, closed ? AdminOutcomes.Ok : AdminOutcomes.NotFound, RoomNotFound(roomId));
    }

    private static async Task<IResult> MoveRoomAsync(string roomId, AdminMoveRequest? request, HttpContext http, IGrainFactory grains, AdminAudit audit)
    {
        var caller = Caller(http);
        if (!RoomCodes.IsValid(roomId))
        {
            audit.Record(caller.Name, AdminAction.MoveRoom, roomId, AdminOutcomes.Invalid);
            return InvalidRoomId();
        }

        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var silo = hosts.Keys.FirstOrDefault(h => h.ToParsableString() == request?.Silo);
        if (silo is null)
        {
            audit.Record(caller.Name, AdminAction.MoveRoom, roomId, AdminOutcomes.Invalid);
            return GameProblems.Result(StatusCodes.Status400BadRequest, AdminErrorCodes.SiloNotFound,
                "silo must be the address of an active silo, as GET /admin/api/silos lists it");
        }

        var room = grains.GetGrain<IRoomGrain>(roomId);
        if (await room.InspectAsync() is not { } view)
        {
            audit.Record(caller.Name, AdminAction.MoveRoom, roomId, AdminOutcomes.NotFound);
            return RoomNotFound(roomId);
        }

        if (view.Silo == request!.Silo)
        {
            audit.Record(caller.Name, AdminAction.MoveRoom, roomId, AdminOutcomes.Invalid);
            return GameProblems.Result(StatusCodes.Status409Conflict, AdminErrorCodes.SameSilo, $"room {roomId} already runs on silo {view.Silo}");
        }

        var moving = await room.MoveAsync(silo);
        return Done(audit, caller, AdminAction.MoveRoom, roomId, moving ? AdminOutcomes.Ok : AdminOutcomes.NotFound, RoomNotFound(roomId));
    }

    /// <summary>Players by id, or whose name contains the query: among the live rooms' members and the leaderboard's rows (there is no index of names).</summary>
    private static async Task<IResult> FindPlayersAsync(string? query, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > 64)
        {
            return GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, "query must be a player id or part of a name: 1 to 64 characters");
        }

        var matches = new List<AdminPlayerMatch>();
        if (PlayerIds.IsValid(query) && await grains.GetGrain<IPlayerGrain>(query).GetProfileAsync() is { } profile)
        {
            matches.Add(new AdminPlayerMatch(profile.PlayerId, profile.Name, "id"));
        }

        foreach (var view in await InspectLiveRoomsAsync(grains))
        {
            matches.AddRange(view.Members.Where(m => m.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                .Select(m => new AdminPlayerMatch(m.PlayerId, m.Name, "room " + view.Room.RoomId)));
        }

        var rows = await grains.GetGrain<ILeaderboardGrain>(0).GetTopAsync(100);
        matches.AddRange(rows.Where(r => r.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(static r => new AdminPlayerMatch(r.PlayerId, r.Name, "leaderboard")));
        return TypedResults.Ok(matches.DistinctBy(static m => m.PlayerId).ToList());
    }

    private static async Task<IResult> GetPlayerAsync(string playerId, IGrainFactory grains)
    {
        var view = PlayerIds.IsValid(playerId) ? await grains.GetGrain<IPlayerGrain>(playerId).InspectAsync() : null;
        return view is null ? PlayerNotFound() : TypedResults.Ok(view);
    }

    private static async Task<IResult> KickPlayerAsync(string playerId, AdminReasonRequest? request, HttpContext http, IGrainFactory grains, AdminAudit audit)
    {
        var caller = Caller(http);
        if (!TryReason(request?.Reason, DefaultKickReason, out var reason, out var problem))
        {
            audit.Record(caller.Name, AdminAction.KickPlayer, playerId, AdminOutcomes.Invalid);
            return problem;
        }

        var kicked = PlayerIds.IsValid(playerId) && await grains.GetGrain<IPlayerGrain>(playerId).KickAsync(reason);
        return Done(audit, caller, AdminAction.KickPlayer, playerId, kicked ? AdminOutcomes.Ok : AdminOutcomes.NotFound, PlayerNotFound());
    }

    private static async Task<IResult> GetLeaderboardAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILeaderboardGrain>(0).GetTopAsync(100));

    private static async Task<IResult> ResetLeaderboardAsync(HttpContext http, IGrainFactory grains, AdminAudit audit)
    {
        var removed = await grains.GetGrain<ILeaderboardGrain>(0).ResetAsync();
        audit.Record(Caller(http).Name, AdminAction.ResetLeaderboard, $"{removed} rows", AdminOutcomes.Ok);
        return TypedResults.Ok(new AdminActionResult(AdminAction.ResetLeaderboard, "leaderboard", AdminOutcomes.Ok));
    }

    private static async Task<IReadOnlyList<RoomView>> InspectLiveRoomsAsync(IGrainFactory grains)
    {
        var type = grains.GetGrain<IRoomGrain>("aaaaaa").GetGrainId().Type;
        var ids = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type);
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IRoomGrain>(id.Key.ToString()!).InspectAsync()));
        return [.. views.OfType<RoomView>()];
    }

    private static IResult Done(AdminAudit audit, AdminCaller caller, string action, string target, string outcome, IResult notFound)
    {
        audit.Record(caller.Name, action, target, outcome);
        return outcome == AdminOutcomes.Ok ? TypedResults.Ok(new AdminActionResult(action, target, outcome)) : notFound;
    }

    private static bool TryReason(string? given, string fallback, out string reason, out IResult problem)
    {
        reason = string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
        problem = TypedResults.Ok();
        if (reason.Length <= MaxReasonLength && !reason.Any(char.IsControl))
        {
            return true;
        }

        problem = GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, $"reason must be at most {MaxReasonLength} characters, without control characters");
        return false;
    }

    private static IResult InvalidRoomId() =>
        GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRoomId, "a room code is 6 characters of a-z and 0-9");

    private static IResult RoomNotFound(string roomId) =>
        GameProblems.Result(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, $"no room is open under the code {roomId}");

    private static IResult PlayerNotFound() =>
        GameProblems.Result(StatusCodes.Status404NotFound, HttpErrorCodes.NotFound, "no player has that id");
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Gateway.Security;
using OrleansGame.Rooms;

namespace OrleansGame.Gateway.Api;

/// <summary>The read-only endpoints: modes, rooms, leaderboard, player profiles.</summary>
internal static class QueryEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/modes</c>, <c>GET /api/rooms</c>, <c>GET /api/leaderboard</c> and
    /// <c>GET /api/players/{playerId}</c>.
    /// </summary>
    public static void MapQueries(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous and each a grain call: limited per client address (429 rate_limited).
        var queries = endpoints.MapGroup("/api").RequireRateLimiting(GatewayRateLimits.QueriesPolicy);
        queries.MapGet("/modes", ListModesAsync);
        queries.MapGet("/rooms", ListRoomsAsync);
        queries.MapGet("/leaderboard", GetLeaderboardAsync);
        queries.MapGet("/players/{playerId}", GetPlayerAsync);
    }

    private static async Task<IResult> ListModesAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IModeCatalogGrain>(0).ListModesAsync());

    /// <summary>
    /// The public rooms of the default pool (no properties) of <c>?mode=</c>, or of every mode without it; rooms
    /// created with properties are found by quick join with the same properties, not listed here.
    /// </summary>
    private static async Task<IResult> ListRoomsAsync(HttpContext http, IGrainFactory grains)
    {
        var raw = http.Request.Query["mode"];
        if (raw.Count > 1 || (raw.Count == 1 && !ModeNames.IsValid(raw[0])))
        {
            return GameProblems.Result(
                StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, $"mode must be a mode name: 1 to {ModeNames.MaxLength} letters, digits, '_' or '-'");
        }

        var modes = await grains.GetGrain<IModeCatalogGrain>(0).ListModesAsync();
        IEnumerable<string> names = modes.Select(static mode => mode.Name);
        if (raw.Count == 1)
        {
            var mode = raw[0]!;
            if (!modes.Any(known => known.Name == mode))
            {
                return GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMode, $"no mode is named '{mode}'");
            }

            names = [mode];
        }

        // A pool's rooms are spread over its partitions: read them all and merge, fullest first.
        var partitions = await grains.GetGrain<IModeCatalogGrain>(0).GetMaxPartitionsAsync();
        var lists = await Task.WhenAll(
            from name in names
            from shard in Enumerable.Range(0, partitions)
            select grains.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For(name, null), shard)).ListRoomsAsync());
        return TypedResults.Ok(lists.SelectMany(static rooms => rooms).Where(static room => !room.IsPrivate)
            .OrderByDescending(static room => room.Players).ThenBy(static room => room.RoomId, StringComparer.Ordinal).ToList());
    }

    private static async Task<IResult> GetLeaderboardAsync(HttpContext http, IGrainFactory grains)
    {
        var raw = http.Request.Query["top"];
        var top = 10;
        if (raw.Count > 0 && (raw.Count > 1 || !int.TryParse(raw[0], out top) || top is < 1 or > 100))
        {
            return GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, "top must be an integer from 1 to 100");
        }

        IReadOnlyList<LeaderboardEntry> rows = await grains.GetGrain<ILeaderboardGrain>(0).GetTopAsync(top);
        return TypedResults.Ok(rows);
    }

    private static async Task<IResult> GetPlayerAsync(string playerId, IGrainFactory grains)
    {
        // An id the gateway could not have made names nobody: answered without activating a grain.
        var profile = PlayerIds.IsValid(playerId)
            ? await grains.GetGrain<IPlayerGrain>(playerId).GetProfileAsync()
            : null;
        return profile is null
            ? GameProblems.Result(StatusCodes.Status404NotFound, HttpErrorCodes.NotFound, "no player has that id")
            : TypedResults.Ok(profile);
    }
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Api;

/// <summary>The read-only endpoints: rooms, leaderboard, player profiles.</summary>
internal static class QueryEndpoints
{
    private const int MaxPlayerIdLength = 64;

    /// <summary>Maps <c>GET /api/rooms</c>, <c>GET /api/leaderboard</c> and <c>GET /api/players/{playerId}</c>.</summary>
    public static void MapQueries(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/rooms", ListRoomsAsync);
        endpoints.MapGet("/api/leaderboard", GetLeaderboardAsync);
        endpoints.MapGet("/api/players/{playerId}", GetPlayerAsync);
    }

    private static async Task<IResult> ListRoomsAsync(IGrainFactory grains)
    {
        var rooms = await grains.GetGrain<IMatchmakerGrain>(0).ListRoomsAsync();
        return TypedResults.Ok(rooms.Where(static room => !room.IsPrivate).ToList());
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
        var profile = playerId.Length <= MaxPlayerIdLength
            ? await grains.GetGrain<IPlayerGrain>(playerId).GetProfileAsync()
            : null;
        return profile is null
            ? GameProblems.Result(StatusCodes.Status404NotFound, HttpErrorCodes.NotFound, "no player has that id")
            : TypedResults.Ok(profile);
    }
}

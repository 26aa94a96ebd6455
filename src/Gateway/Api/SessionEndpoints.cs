using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Auth;
using OrleansGame.Gateway.Security;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Api;

/// <summary><c>POST /api/sessions</c>: a guest session for a new player, or a fresh token for a known one.</summary>
internal static class SessionEndpoints
{
    private const int MaxBodyBytes = 4096;

    /// <summary>Maps the session endpoint.</summary>
    public static void MapSessions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/sessions", CreateAsync).RequireRateLimiting(GatewayRateLimits.SessionsPolicy).AllowAnonymous();

    private static async Task<IResult> CreateAsync(HttpContext http, IGrainFactory grains, TokenIssuer issuer, IOptions<JsonOptions> json)
    {
        var (request, bodyError) = await ReadBodyAsync(http, json.Value.SerializerOptions);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (http.Request.Headers.Authorization.Count > 0)
        {
            return await RefreshAsync(http, grains, issuer, request);
        }

        if (!NameRules.TryNormalize(request?.Name, out var name, out var error))
        {
            return GameProblems.Result(StatusCodes.Status400BadRequest, error!.Code, error.Message);
        }

        var playerId = PlayerIds.New();
        var profile = await grains.GetGrain<IPlayerGrain>(playerId).RegisterAsync(name);
        return TypedResults.Ok(Respond(playerId, profile.Name, issuer));
    }

    private static async Task<IResult> RefreshAsync(HttpContext http, IGrainFactory grains, TokenIssuer issuer, SessionRequest? request)
    {
        // A current access token, or (what a client keeps for this) a refresh token.
        var auth = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var playerId = auth.Succeeded
            ? PlayerClaims.GetPlayerId(auth.Principal)
            : await issuer.ValidateRefreshTokenAsync(BearerToken(http.Request));
        if (playerId is null)
        {
            return GameProblems.Result(StatusCodes.Status401Unauthorized, HttpErrorCodes.Unauthorized, "the bearer token is not valid");
        }

        var player = grains.GetGrain<IPlayerGrain>(playerId);
        var profile = await player.GetProfileAsync();
        if (profile is null)
        {
            return GameProblems.Result(StatusCodes.Status401Unauthorized, HttpErrorCodes.Unauthorized, "the token's player is unknown");
        }

        if (request?.Name is not null)
        {
            if (!NameRules.TryNormalize(request.Name, out var name, out var error))
            {
                return GameProblems.Result(StatusCodes.Status400BadRequest, error!.Code, error.Message);
            }

            profile = await player.RegisterAsync(name);
        }

        return TypedResults.Ok(Respond(playerId, profile.Name, issuer));
    }

    private static SessionResponse Respond(string playerId, string name, TokenIssuer issuer)
    {
        var tokens = issuer.Issue(playerId);
        return new SessionResponse(playerId, name, tokens.Token, tokens.ExpiresAt, tokens.RefreshToken, tokens.RefreshExpiresAt);
    }

    private static string BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : "";

    private static async Task<(SessionRequest? Request, IResult? Error)> ReadBodyAsync(HttpContext http, JsonSerializerOptions options)
    {
        if (http.Request.ContentLength is > MaxBodyBytes)
        {
            return (null, GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, "the request body is too large"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, "the request body is too large"));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<SessionRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options), null);
        }
        catch (JsonException)
        {
            return (null, GameProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.InvalidArgument, "the request body is not a JSON object like {\"name\": \"Alice\"}"));
        }
    }
}

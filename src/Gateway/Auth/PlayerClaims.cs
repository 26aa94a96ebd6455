using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OrleansGame.Gateway.Auth;

/// <summary>Reads the player id (the token's subject) from an authenticated principal.</summary>
internal static class PlayerClaims
{
    /// <summary>The player id, or null when the principal carries none.</summary>
    public static string? GetPlayerId(ClaimsPrincipal? principal) =>
        principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { Length: > 0 } id ? id : null;
}

using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansGame.Gateway.Auth;

/// <summary>
/// Issues and checks the session tokens: HMAC-SHA256 JWTs whose subject is the player id, signed with the current key
/// and naming it (<c>kid</c>). An access token (audience: the issuer) opens the API and the hub; a refresh token
/// (audience: the issuer + <see cref="RefreshAudienceSuffix"/>) only buys new tokens, so the hub refuses it.
/// </summary>
internal sealed class TokenIssuer(SigningKeyRing keys, IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>What a refresh token's audience adds to the issuer.</summary>
    public const string RefreshAudienceSuffix = "/refresh";

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A fresh access token and refresh token for <paramref name="playerId"/>, and when each expires.</summary>
    public IssuedTokens Issue(string playerId)
    {
        var now = time.GetUtcNow();
        var auth = options.Value;
        var expires = now + auth.TokenLifetime;
        var refreshExpires = now + auth.RefreshTokenLifetime;
        return new IssuedTokens(
            Create(playerId, auth.Issuer, now, expires), expires,
            Create(playerId, auth.Issuer + RefreshAudienceSuffix, now, refreshExpires), refreshExpires);
    }

    /// <summary>The player id of a valid refresh token, or null.</summary>
    public async Task<string?> ValidateRefreshTokenAsync(string token)
    {
        var auth = options.Value;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Issuer + RefreshAudienceSuffix,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = auth.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });
        return result.IsValid && result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { Length: > 0 } playerId ? playerId : null;
    }

    private string Create(string playerId, string audience, DateTimeOffset now, DateTimeOffset expires) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, playerId), new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"))]),
            Issuer = options.Value.Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256),
        });
}

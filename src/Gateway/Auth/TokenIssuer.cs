using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansGame.Gateway.Auth;

/// <summary>Issues the session tokens: HMAC-SHA256 JWTs whose subject is the player id, signed with the current key and naming it (<c>kid</c>).</summary>
internal sealed class TokenIssuer(SigningKeyRing keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A fresh token for <paramref name="playerId"/> and the moment it expires.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string playerId)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, playerId), new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"))]),
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}

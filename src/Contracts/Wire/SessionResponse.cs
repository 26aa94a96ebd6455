namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The answer to <c>POST /api/sessions</c>: a session of a player (docs/protocol.md, section 1).</summary>
/// <param name="PlayerId">The player's id (the token's subject).</param>
/// <param name="Name">The player's display name.</param>
/// <param name="Token">The bearer token for the API and the hub.</param>
/// <param name="ExpiresAt">When the token expires.</param>
/// <param name="RefreshToken">The token that buys fresh tokens at <c>POST /api/sessions</c>; refused everywhere else.</param>
/// <param name="RefreshExpiresAt">When the refresh token expires.</param>
public sealed record SessionResponse(string PlayerId, string Name, string Token, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt);

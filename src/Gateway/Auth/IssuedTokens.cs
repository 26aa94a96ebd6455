namespace OrleansGame.Gateway.Auth;

/// <summary>What a session gets: the access token and the refresh token, and when each expires.</summary>
/// <param name="Token">The access token, for the API and the hub.</param>
/// <param name="ExpiresAt">When the access token expires.</param>
/// <param name="RefreshToken">The refresh token, for <c>POST /api/sessions</c> only.</param>
/// <param name="RefreshExpiresAt">When the refresh token expires.</param>
internal sealed record IssuedTokens(string Token, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt);

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>The body of a successful <c>POST /api/sessions</c>.</summary>
public sealed record Session(string PlayerId, string Name, string Token, DateTimeOffset ExpiresAt);

namespace OrleansGame.Gateway.Api;

/// <summary>The body of <c>POST /api/sessions</c>.</summary>
/// <param name="Name">The display name the player asks for.</param>
internal sealed record SessionRequest(string? Name);

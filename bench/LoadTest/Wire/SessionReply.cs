namespace OrleansGame.LoadTest.Wire;

/// <summary>The part of the <c>POST /api/sessions</c> answer a bot needs.</summary>
/// <param name="PlayerId">The new player's id.</param>
/// <param name="Token">The bearer token for the hub.</param>
internal sealed record SessionReply(string PlayerId, string Token);

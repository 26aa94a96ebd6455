namespace OrleansGame.Gateway.Security;

/// <summary>Why an address may not open another connection now.</summary>
/// <param name="Kind">At its cap, or backing off after a flood close.</param>
/// <param name="RetryAfter">How long a back-off still lasts.</param>
internal sealed record SlotRefusal(SlotRefusalKind Kind, TimeSpan? RetryAfter);

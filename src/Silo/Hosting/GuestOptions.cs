namespace OrleansGame.Silo.Hosting;

/// <summary>How long guest records live; bound from the <c>Guests</c> section and validated at start.</summary>
internal sealed class GuestOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Guests";

    /// <summary>
    /// How long a player's record (profile, stats, held seat) stays in Redis after its last write: registering, renaming,
    /// joining or leaving a room, a round played. Whole seconds, at least one. Default 30 days.
    /// </summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(30);
}

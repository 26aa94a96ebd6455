using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Grains.Options;

/// <summary>What a silo allows of rooms, whatever their mode; bound from the <c>Rooms</c> configuration section.</summary>
public sealed class RoomOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Rooms";

    /// <summary>
    /// Rooms a silo runs at most; opening one more is refused with <c>too_many_rooms</c> (a room coming back from its
    /// checkpoint is never refused). Default 5,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPerSilo { get; set; } = 5_000;

    /// <summary>How long after creating a room a player must wait before creating another (<c>rate_limited</c>). Default 2 s; zero turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CreateCooldown { get; set; } = TimeSpan.FromSeconds(2);
}

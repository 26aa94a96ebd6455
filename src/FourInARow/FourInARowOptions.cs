using System.ComponentModel.DataAnnotations;

namespace OrleansGame.FourInARow;

/// <summary>
/// Four in a Row's turn clock, spectator seats and room lifecycle; bound from the <c>FourInARow</c> configuration
/// section and validated at start.
/// </summary>
public sealed class FourInARowOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "FourInARow";

    /// <summary>How long a player has for a move; a player whose clock runs out loses. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TurnTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Seats for spectators besides the two players' (reached by the room's code). Default 8.</summary>
    [Range(0, 64)]
    public int Spectators { get; set; } = 8;

    /// <summary>How long a dropped player's seat is held; the player's clock keeps running meanwhile. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan SeatHold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a room stays open with nobody in it. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "1.00:00:00")]
    public TimeSpan EmptyRoomLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a room writes its checkpoint besides seat and phase changes. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(2);
}

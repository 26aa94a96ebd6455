using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Arena;

/// <summary>
/// The rules of the arena, the lifecycle of its rooms and its message limits; bound from the <c>Arena</c> configuration
/// section. <see cref="ArenaMode"/> turns the lifecycle and limits into the mode's settings for the room host.
/// </summary>
public sealed class ArenaOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Arena";

    /// <summary>The world's width in units. Default 1000.</summary>
    [Range(10.0, 1_000_000.0)]
    public double WorldWidth { get; set; } = 1000;

    /// <summary>The world's height in units. Default 1000.</summary>
    [Range(10.0, 1_000_000.0)]
    public double WorldHeight { get; set; } = 1000;

    /// <summary>A player's radius in units. Default 20.</summary>
    [Range(0.5, 1000.0)]
    public double PlayerRadius { get; set; } = 20;

    /// <summary>A player's speed in units per second. Default 200.</summary>
    [Range(0.0, 100_000.0)]
    public double PlayerSpeed { get; set; } = 200;

    /// <summary>
    /// The simulation tick; every tick pushes one snapshot. Default 50 ms (20 Hz). The room ticks at the nearest whole
    /// rate, 1 to 60 Hz, so the range is about 16.7 ms to 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.0166667", "00:00:01")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many orbs the arena holds. Default 24.</summary>
    [Range(0, 1000)]
    public int OrbCount { get; set; } = 24;

    /// <summary>An orb's radius in units. Default 8.</summary>
    [Range(0.5, 1000.0)]
    public double OrbRadius { get; set; } = 8;

    /// <summary>Points an orb is worth. Default 1.</summary>
    [Range(1, 1000)]
    public int OrbValue { get; set; } = 1;

    /// <summary>Seats in a room. Default 8.</summary>
    [Range(1, 64)]
    public int Capacity { get; set; } = 8;

    /// <summary>How long the <c>playing</c> phase of a round lasts. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "1.00:00:00")]
    public TimeSpan RoundDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the <c>results</c> phase lasts before the next round. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan ResultsDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a room stays open with no members before it is disposed. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "1.00:00:00")]
    public TimeSpan EmptyRoomDisposeAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an away player's seat and score are held. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan ReconnectWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a room writes its checkpoint, besides round boundaries and deactivation. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Inputs a second a connection may send. Default 30.</summary>
    [Range(1, 1000)]
    public int InputPerSecond { get; set; } = 30;

    /// <summary>Inputs a connection may send at once above the rate. Default 10.</summary>
    [Range(1, 1000)]
    public int InputBurst { get; set; } = 10;

    /// <summary>Chat lines a second a connection may send. Default 1.</summary>
    [Range(1, 1000)]
    public int ChatPerSecond { get; set; } = 1;

    /// <summary>Chat lines a connection may send at once above the rate. Default 3.</summary>
    [Range(1, 1000)]
    public int ChatBurst { get; set; } = 3;
}

namespace GameName;

/// <summary>
/// A room's state, which is also its checkpoint (the host saves and restores it as JSON) and what clients see after
/// every tick.
/// </summary>
public sealed record GameNameState
{
    /// <summary>The taps that win a round.</summary>
    public int Target { get; init; }

    /// <summary>The round under way, from 1.</summary>
    public int Round { get; set; } = 1;

    /// <summary>Each player's taps this round.</summary>
    public Dictionary<string, int> Taps { get; init; } = [];

    /// <summary>The winner of the last round, or null before the first win.</summary>
    public string? LastWinner { get; set; }

    /// <summary>Each player's taps when the last round was won.</summary>
    public Dictionary<string, int> LastRound { get; init; } = [];
}

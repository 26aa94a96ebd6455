namespace GameName;

/// <summary>What a tap did.</summary>
public enum TapOutcome
{
    /// <summary>Counted; the round goes on.</summary>
    Counted,

    /// <summary>It reached the target: the player won the round.</summary>
    Won,

    /// <summary>Refused: the count is out of range or the player is not in the race.</summary>
    Invalid,
}

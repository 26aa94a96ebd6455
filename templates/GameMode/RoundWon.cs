namespace GameName;

/// <summary>The message every member receives when a round is won: <c>Message("RoundWon", {...})</c>.</summary>
/// <param name="PlayerId">The winner.</param>
/// <param name="Name">The winner's display name.</param>
/// <param name="Round">The round that was won.</param>
public sealed record RoundWon(string PlayerId, string Name, int Round)
{
    /// <summary>The message type.</summary>
    public const string Type = "RoundWon";
}

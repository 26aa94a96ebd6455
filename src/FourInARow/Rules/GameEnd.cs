namespace OrleansGame.FourInARow.Rules;

/// <summary>A game that just ended: who played it and who won (null for a draw), for the results to record.</summary>
/// <param name="Players">Both players' ids.</param>
/// <param name="Winner">The winner's id, or null for a draw.</param>
/// <param name="Outcome">How it ended (<see cref="GameOutcomes"/>).</param>
public sealed record GameEnd(IReadOnlyList<string> Players, string? Winner, string Outcome);

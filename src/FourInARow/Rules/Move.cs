namespace OrleansGame.FourInARow.Rules;

/// <summary>A disc dropped: where it came to rest, and whose it is.</summary>
/// <param name="Column">The column it was dropped into.</param>
/// <param name="Row">The row it fell to.</param>
/// <param name="Disc">The disc, 1 or 2.</param>
public sealed record Move(int Column, int Row, int Disc);

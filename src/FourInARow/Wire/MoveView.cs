namespace OrleansGame.FourInARow.Wire;

/// <summary>The last disc dropped.</summary>
/// <param name="Column">The column it was dropped into.</param>
/// <param name="Row">The row it fell to (0 is the top).</param>
/// <param name="Disc">Whose disc, 1 or 2.</param>
public sealed record MoveView(int Column, int Row, int Disc);

namespace OrleansGame.FourInARow.Wire;

/// <summary>A cell of the winning line.</summary>
/// <param name="Column">0 (left) to 6.</param>
/// <param name="Row">0 (top) to 5.</param>
public sealed record CellView(int Column, int Row);

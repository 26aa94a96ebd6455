namespace OrleansGame.FourInARow.Rules;

/// <summary>A cell of the board: its column (0 left to 6 right) and row (0 top to 5 bottom).</summary>
/// <param name="Column">The column, 0 to 6.</param>
/// <param name="Row">The row, 0 (top) to 5 (bottom).</param>
public readonly record struct Cell(int Column, int Row);

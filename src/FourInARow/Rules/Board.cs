namespace OrleansGame.FourInARow.Rules;

/// <summary>
/// The grid of 7 columns and 6 rows, row 0 at the top: 0 is an empty cell, 1 and 2 the players' discs. A disc dropped
/// into a column falls to the lowest empty cell.
/// </summary>
public sealed class Board
{
    /// <summary>Columns on the board.</summary>
    public const int Columns = 7;

    /// <summary>Rows on the board.</summary>
    public const int Rows = 6;

    /// <summary>Discs in a line that win.</summary>
    public const int LineLength = 4;

    private static readonly (int Dx, int Dy)[] Directions = [(1, 0), (0, 1), (1, 1), (1, -1)];

    /// <summary>The cells, <c>Cells[row][column]</c>, row 0 at the top.</summary>
    public int[][] Cells { get; set; } = Empty();

    /// <summary>The disc in a cell (0 for none).</summary>
    public int this[int column, int row] => Cells[row][column];

    /// <summary>Whether every cell holds a disc.</summary>
    public bool IsFull => Cells[0].All(static disc => disc != 0);

    /// <summary>Whether <paramref name="column"/> has no empty cell left.</summary>
    public bool IsColumnFull(int column) => Cells[0][column] != 0;

    /// <summary>Drops <paramref name="disc"/> into <paramref name="column"/>; the row it came to rest in, or -1 when the column is full.</summary>
    public int Drop(int column, int disc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        for (var row = Rows - 1; row >= 0; row--)
        {
            if (Cells[row][column] == 0)
            {
                Cells[row][column] = disc;
                return row;
            }
        }

        return -1;
    }

    /// <summary>
    /// The line of at least <see cref="LineLength"/> equal discs through <paramref name="cell"/> (horizontal, vertical
    /// or either diagonal), every cell of it in order, or null when there is none.
    /// </summary>
    public IReadOnlyList<Cell>? LineThrough(Cell cell)
    {
        var disc = this[cell.Column, cell.Row];
        if (disc == 0)
        {
            return null;
        }

        foreach (var (dx, dy) in Directions)
        {
            var back = Run(cell, -dx, -dy, disc);
            var forward = Run(cell, dx, dy, disc);
            if (back + 1 + forward >= LineLength)
            {
                return [.. Enumerable.Range(-back, back + 1 + forward).Select(i => new Cell(cell.Column + (i * dx), cell.Row + (i * dy)))];
            }
        }

        return null;
    }

    /// <summary>Empties every cell.</summary>
    public void Clear() => Cells = Empty();

    /// <summary>A copy of the cells, for a view that must not change with the board.</summary>
    public int[][] Copy() => [.. Cells.Select(static row => (int[])row.Clone())];

    private int Run(Cell from, int dx, int dy, int disc)
    {
        var count = 0;
        var (column, row) = (from.Column + dx, from.Row + dy);
        while (column is >= 0 and < Columns && row is >= 0 and < Rows && Cells[row][column] == disc)
        {
            count++;
            (column, row) = (column + dx, row + dy);
        }

        return count;
    }

    private static int[][] Empty() => [.. Enumerable.Range(0, Rows).Select(static _ => new int[Columns])];
}

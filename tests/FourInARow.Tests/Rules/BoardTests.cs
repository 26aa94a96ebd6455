using OrleansGame.FourInARow.Rules;

namespace OrleansGame.FourInARow.Tests.Rules;

public sealed class BoardTests
{
    [Fact]
    public void Drop_IntoAColumn_FallsToTheLowestEmptyRowUntilFull()
    {
        var board = new Board();

        var rows = Enumerable.Range(0, Board.Rows + 1).Select(i => board.Drop(3, 1 + (i % 2))).ToList();

        Assert.Equal([5, 4, 3, 2, 1, 0, -1], rows);
        Assert.True(board.IsColumnFull(3));
        Assert.False(board.IsFull);
        Assert.Equal([1, 2, 1, 2, 1, 2], Enumerable.Range(0, Board.Rows).Select(row => board[3, Board.Rows - 1 - row]));
    }

    public static TheoryData<string, (int Column, int Row)[]> Lines => new()
    {
        { "horizontal", [(1, 5), (2, 5), (3, 5), (4, 5)] },
        { "vertical", [(6, 2), (6, 3), (6, 4), (6, 5)] },
        { "diagonal up", [(0, 5), (1, 4), (2, 3), (3, 2)] },
        { "diagonal down", [(3, 2), (4, 3), (5, 4), (6, 5)] },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void LineThrough_FourInALine_FindsTheWholeLineFromAnyOfItsCells(string direction, (int Column, int Row)[] cells)
    {
        var board = new Board();
        foreach (var (column, row) in cells)
        {
            board.Cells[row][column] = 2;
        }

        foreach (var (column, row) in cells)
        {
            var line = board.LineThrough(new Cell(column, row));

            Assert.True(line is not null, $"no {direction} line through ({column}, {row})");
            Assert.Equal(cells.Select(c => new Cell(c.Column, c.Row)).OrderBy(c => c.Column), line.OrderBy(c => c.Column));
        }
    }

    [Fact]
    public void LineThrough_ThreeInALineOrMixedDiscs_IsNull()
    {
        var board = new Board();
        board.Cells[5][0] = board.Cells[5][1] = board.Cells[5][2] = 1;
        board.Cells[5][3] = 2;

        Assert.Null(board.LineThrough(new Cell(1, 5)));
        Assert.Null(board.LineThrough(new Cell(3, 5)));
        Assert.Null(board.LineThrough(new Cell(4, 5)));
    }
}

using System.Text.Json.Serialization;

namespace OrleansGame.FourInARow.Wire;

/// <summary>
/// The room's state as every member sees it (players and spectators alike), sent as <c>State</c> whenever it changes
/// and in the join result. Every field is always written, null where the shape allows it.
/// </summary>
/// <param name="Board">6 rows of 7 cells, row 0 at the top: 0 empty, 1 or 2 a player's disc.</param>
/// <param name="Players">The players, disc 1 first.</param>
/// <param name="Spectators">How many members watch.</param>
/// <param name="Phase"><c>waiting</c>, <c>playing</c> or <c>over</c>.</param>
/// <param name="Turn">The id of the player to move, while a game runs.</param>
/// <param name="TurnEndsAt">When the turn's clock runs out, in Unix milliseconds of the server's clock.</param>
/// <param name="Moves">Discs dropped in this game.</param>
/// <param name="LastMove">The last disc dropped in this game.</param>
/// <param name="Winner">The last game's winner (null while playing, and for a draw).</param>
/// <param name="Outcome"><c>win</c>, <c>draw</c>, <c>timeout</c> or <c>forfeit</c>, once a game ended.</param>
/// <param name="WinLine">The winning line's cells, for a win.</param>
/// <param name="Rematch">The players who asked for a rematch.</param>
public sealed record BoardState(
    int[][] Board,
    IReadOnlyList<PlayerView> Players,
    int Spectators,
    string Phase,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Turn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? TurnEndsAt,
    int Moves,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] MoveView? LastMove,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Winner,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<CellView>? WinLine,
    IReadOnlyList<string> Rematch);

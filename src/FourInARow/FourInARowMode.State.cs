using OrleansGame.FourInARow.Rules;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.FourInARow;

/// <summary>What members see: one <see cref="BoardState"/> for all, sent when it changed and in the join result.</summary>
public sealed partial class FourInARowMode
{
    /// <summary>The state after a tick that changed it; null (nothing sent) after one that did not.</summary>
    public override object? GetState(FourInARowGame state, IRoom room, Member? viewer)
    {
        if (state.SentVersion == state.Version)
        {
            return null;
        }

        state.SentVersion = state.Version;
        return View(state);
    }

    /// <summary>A <see cref="JoinState"/>: the state now, whatever was sent before.</summary>
    public override object GetJoinState(FourInARowGame state, IRoom room, Member member) => new JoinState(View(state));

    /// <summary>The state as members see it.</summary>
    public static BoardState View(FourInARowGame state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new BoardState(
            state.Board.Copy(),
            [.. state.Players.OrderBy(static p => p.Disc).Select(static p => new PlayerView(p.Id, p.Name, p.Disc, p.Away, p.Wins))],
            state.Spectators.Count,
            state.Phase,
            state.Turn,
            state.TurnEndsAt?.ToUnixTimeMilliseconds(),
            state.Moves,
            state.LastMove is { } move ? new MoveView(move.Column, move.Row, move.Disc) : null,
            state.Winner,
            state.Outcome,
            state.WinLine is { } line ? [.. line.Select(static c => new CellView(c.Column, c.Row))] : null,
            [.. state.Rematch]);
    }
}

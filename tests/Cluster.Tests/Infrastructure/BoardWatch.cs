using System.Diagnostics;
using OrleansGame.Client;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>
/// What one player of a Four in a Row room sees through the .NET SDK: the state of the join result, then every
/// <c>State</c> the room sends and the state of every <c>RoomState</c> that resumes the seat, each with its
/// <see cref="Stopwatch"/> arrival timestamp. A state the room pushed while the player's gateway had no silo to reach it
/// through is lost; the gateway's resync, once it is back, brings the game as it is then in a <c>RoomState</c>.
/// </summary>
public sealed class BoardWatch
{
    private readonly Arrivals<BoardState> seen = new();

    /// <summary>Starts watching <paramref name="room"/> from its join result on.</summary>
    public BoardWatch(Room room)
    {
        Room = room ?? throw new ArgumentNullException(nameof(room));
        if (room.StateAs<BoardState>() is { } joined)
        {
            seen.Add(joined);
        }

        room.OnState<BoardState>(seen.Add);
        room.OnRejoin(rejoined =>
        {
            if (rejoined.StateAs<BoardState>() is { } state)
            {
                seen.Add(state);
            }
        });
    }

    /// <summary>The seat watched.</summary>
    public Room Room { get; }

    /// <summary>The states seen, oldest first.</summary>
    public IReadOnlyList<(BoardState State, long At)> Seen => seen.All;

    /// <summary>Waits, with a bound, for the first state seen that satisfies <paramref name="done"/> (given the state and its arrival).</summary>
    public async Task<BoardState> WaitForAsync(Func<BoardState, long, bool> done, string what, TimeSpan timeout)
    {
        BoardState? found = null;
        await seen.WaitForAsync(
            all => (found = all.FirstOrDefault(s => done(s.Value, s.At)).Value) is not null,
            what,
            timeout,
            all => $"player {Room.PlayerId}: {all.Count} states seen; last: "
                + (all is [.., var (last, _)] ? $"moves {last.Moves}, phase {last.Phase}, turn {last.Turn}" : "none"));
        return found!;
    }
}

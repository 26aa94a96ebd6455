using System.Diagnostics;
using OrleansGame.Client;
using OrleansGame.FourInARow.Wire;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>
/// What one player of a Four in a Row room sees through the .NET SDK: the state of the join result, then every
/// <c>State</c> the room sends, each with its <see cref="Stopwatch"/> arrival timestamp.
/// </summary>
public sealed class BoardWatch
{
    private readonly Lock gate = new();
    private readonly List<(BoardState State, long At)> seen = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts watching <paramref name="room"/> from its join result on.</summary>
    public BoardWatch(Room room)
    {
        Room = room ?? throw new ArgumentNullException(nameof(room));
        if (room.StateAs<BoardState>() is { } joined)
        {
            Add(joined);
        }

        room.OnState<BoardState>(Add);
    }

    /// <summary>The seat watched.</summary>
    public Room Room { get; }

    /// <summary>The states seen, oldest first.</summary>
    public IReadOnlyList<(BoardState State, long At)> Seen
    {
        get
        {
            lock (gate)
            {
                return [.. seen];
            }
        }
    }

    /// <summary>Waits, with a bound, for the first state seen that satisfies <paramref name="done"/> (given the state and its arrival).</summary>
    public async Task<BoardState> WaitForAsync(Func<BoardState, long, bool> done, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            (BoardState State, long At)[] states;
            lock (gate)
            {
                signal = changed.Task;
                states = [.. seen];
            }

            foreach (var (state, at) in states)
            {
                if (done(state, at))
                {
                    return state;
                }
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var last = states.Length == 0 ? "none" : $"moves {states[^1].State.Moves}, phase {states[^1].State.Phase}, turn {states[^1].State.Turn}";
                throw new TimeoutException($"player {Room.PlayerId}: timed out after {timeout.TotalSeconds:0.#} s waiting for {what} ({states.Length} states seen; last: {last})");
            }

            try
            {
                await signal.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Checked once more, then reported.
            }
        }
    }

    private void Add(BoardState state)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            seen.Add((state, Stopwatch.GetTimestamp()));
            signal = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }
}

namespace GameName;

/// <summary>The rules as plain functions over the state: no host, no clock, so tests call them directly.</summary>
/// <param name="target">The taps that win a round.</param>
/// <param name="maxTapsPerMessage">The most taps one message may count.</param>
public sealed class GameNameRules(int target = GameNameRules.DefaultTarget, int maxTapsPerMessage = GameNameRules.DefaultMaxTapsPerMessage)
{
    /// <summary>The default taps that win a round.</summary>
    public const int DefaultTarget = 30;

    /// <summary>The default most taps one message may count.</summary>
    public const int DefaultMaxTapsPerMessage = 3;

    /// <summary>The taps that win a round.</summary>
    public int Target { get; } = target > 0 ? target : throw new ArgumentOutOfRangeException(nameof(target), "the target is at least 1");

    /// <summary>The most taps one message may count.</summary>
    public int MaxTapsPerMessage { get; } = maxTapsPerMessage > 0 ? maxTapsPerMessage : throw new ArgumentOutOfRangeException(nameof(maxTapsPerMessage), "a message counts at least 1");

    /// <summary>A new room's state: round 1, nobody seated.</summary>
    public GameNameState NewGame() => new() { Target = Target };

    /// <summary>A player joins the race with no taps.</summary>
    public void Join(GameNameState state, string playerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Taps.TryAdd(playerId, 0);
    }

    /// <summary>A player leaves the race, with its taps.</summary>
    public void Leave(GameNameState state, string playerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Taps.Remove(playerId);
    }

    /// <summary>
    /// Counts a tap: <see cref="TapOutcome.Invalid"/> (and nothing changes) for a count out of range or a player not
    /// in the race; <see cref="TapOutcome.Won"/> when it reaches the target, after which the round's taps are in
    /// <see cref="GameNameState.LastRound"/> and the next round has begun.
    /// </summary>
    public TapOutcome Tap(GameNameState state, string playerId, Tap tap)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tap);
        if (tap.Count < 1 || tap.Count > MaxTapsPerMessage || !state.Taps.TryGetValue(playerId, out var taps))
        {
            return TapOutcome.Invalid;
        }

        state.Taps[playerId] = taps + tap.Count;
        if (state.Taps[playerId] < state.Target)
        {
            return TapOutcome.Counted;
        }

        state.LastRound.Clear();
        foreach (var (player, count) in state.Taps)
        {
            state.LastRound[player] = count;
            state.Taps[player] = 0;
        }

        state.LastWinner = playerId;
        state.Round++;
        return TapOutcome.Won;
    }
}

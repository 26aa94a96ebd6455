using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Leaderboard;

/// <summary>The leaderboard (key 0): the top players by best score, ties by wins; persisted in the <c>game</c> storage.</summary>
internal sealed class LeaderboardGrain(
    [PersistentState("leaderboard", "game")] IPersistentState<LeaderboardState> state) : Grain, ILeaderboardGrain
{
    /// <summary>How many rows the leaderboard keeps.</summary>
    public const int Size = 100;

    private static readonly Comparison<LeaderboardEntry> BestFirst = static (a, b) =>
        a.BestScore != b.BestScore ? b.BestScore.CompareTo(a.BestScore)
        : a.Wins != b.Wins ? b.Wins.CompareTo(a.Wins)
        : a.GamesPlayed != b.GamesPlayed ? a.GamesPlayed.CompareTo(b.GamesPlayed)
        : string.CompareOrdinal(a.PlayerId, b.PlayerId);

    /// <inheritdoc />
    public async Task ReportAsync(IReadOnlyList<LeaderboardEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = state.State.Rows;
        foreach (var entry in entries)
        {
            rows.RemoveAll(r => r.PlayerId == entry.PlayerId);
            rows.Add(entry);
        }

        rows.Sort(BestFirst);
        if (rows.Count > Size)
        {
            rows.RemoveRange(Size, rows.Count - Size);
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LeaderboardEntry>> GetTopAsync(int top) =>
        Task.FromResult<IReadOnlyList<LeaderboardEntry>>([.. state.State.Rows.Take(Math.Clamp(top, 0, Size))]);

    /// <inheritdoc />
    public async Task<int> ResetAsync()
    {
        var count = state.State.Rows.Count;
        state.State.Rows.Clear();
        await state.WriteStateAsync();
        return count;
    }
}

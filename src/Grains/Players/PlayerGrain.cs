using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Matchmaking;
using OrleansGame.Grains.Modes;
using OrleansGame.Grains.Observability;
using OrleansGame.Grains.Options;

namespace OrleansGame.Grains.Players;

/// <summary>
/// One player (key: player id): persisted profile and stats, the current connection, the ping service and
/// the seat it holds.
/// </summary>
internal sealed partial class PlayerGrain(
    GameModeRegistry modes,
    MatchmakingPartitions partitions,
    IOptions<PingOptions> pingOptions,
    IOptions<RoomOptions> roomOptions,
    TimeProvider time,
    ILogger<PlayerGrain> logger,
    GrainMetrics metrics,
    [PersistentState("player", "game")] IPersistentState<PlayerRecord> state) : Grain, IPlayerGrain
{
    private string PlayerId => this.GetPrimaryKeyString();

    private PlayerRecord Record => state.State;

    /// <inheritdoc />
    public async Task<PlayerProfile> RegisterAsync(string name)
    {
        if (!NameRules.TryNormalize(name, out var normalized, out var error))
        {
            throw new ArgumentException(error!.Message, nameof(name));
        }

        if (!Record.Registered)
        {
            Record.Registered = true;
            Record.CreatedAt = time.GetUtcNow();
        }

        Record.Name = normalized;
        await state.WriteStateAsync();
        return Profile();
    }

    /// <inheritdoc />
    public Task<PlayerProfile?> GetProfileAsync()
    {
        if (Record.Registered)
        {
            return Task.FromResult<PlayerProfile?>(Profile());
        }

        // Nobody: the activation (a storage read, no write) is not kept around for anonymous lookups.
        DeactivateOnIdle();
        return Task.FromResult<PlayerProfile?>(null);
    }

    /// <inheritdoc />
    public Task<string?> GetCurrentRoomAsync() => Task.FromResult(Record.CurrentRoom);

    /// <inheritdoc />
    public async Task RecordRoundAsync(RoundStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        if (!Record.Registered)
        {
            return;
        }

        var score = Math.Max(0, stats.Score);
        Record.GamesPlayed += stats.Counted ? 1 : 0;
        Record.Wins += stats.Counted && stats.Won ? 1 : 0;
        Record.BestScore = Math.Max(Record.BestScore, score);
        Record.TotalOrbs += score;
        await state.WriteStateAsync();
        var row = new LeaderboardEntry(PlayerId, Record.Name, Record.BestScore, Record.Wins, Record.GamesPlayed);
        await GrainFactory.GetGrain<ILeaderboardGrain>(0).ReportAsync([row]);
        LogRoundRecorded(PlayerId, stats.RoomId, score);
    }

    private PlayerProfile Profile() =>
        new(PlayerId, Record.Name, Record.GamesPlayed, Record.Wins, Record.BestScore, Record.TotalOrbs, Record.CreatedAt);
}

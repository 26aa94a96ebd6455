using Orleans.Concurrency;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Matchmaking;

namespace OrleansGame.Grains.Modes;

/// <summary>Answers from the local silo's registry; a stateless worker, so any silo answers without a hop.</summary>
[StatelessWorker]
internal sealed class ModeCatalogGrain(GameModeRegistry registry, MatchmakingPartitions partitions) : Grain, IModeCatalogGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ModeInfo>> ListModesAsync() => Task.FromResult(registry.Infos);

    /// <inheritdoc />
    public Task<int> GetMaxPartitionsAsync() => Task.FromResult(partitions.Max);
}

using Orleans.Concurrency;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Modes;

/// <summary>Answers from the local silo's registry; a stateless worker, so any silo answers without a hop.</summary>
[StatelessWorker]
internal sealed class ModeCatalogGrain(GameModeRegistry registry) : Grain, IModeCatalogGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ModeInfo>> ListModesAsync() => Task.FromResult(registry.Infos);
}

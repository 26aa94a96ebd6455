using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>The modes the silos run, read from the registry of the silo that answers (any silo: they register the same).</summary>
public interface IModeCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every registered mode, the default one marked.</summary>
    Task<IReadOnlyList<ModeInfo>> ListModesAsync();

    /// <summary>The most partitions a pool may have now: the room list reads partitions 0 to this one less.</summary>
    Task<int> GetMaxPartitionsAsync();
}

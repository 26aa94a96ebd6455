using Orleans.Storage;

namespace OrleansGame.Silo.Hosting;

/// <summary>
/// The grain storage <c>game</c> of a cluster: player records go to a Redis storage whose entries expire after
/// <see cref="GuestOptions.IdleExpiry"/> without a write, everything else (rooms' checkpoints, the leaderboard) to one
/// whose entries never expire. Both use the same keys, so records written before either existed are found.
/// </summary>
internal sealed class GuestExpiryGrainStorage(IGrainStorage durable, IGrainStorage guests) : IGrainStorage
{
    /// <summary>The grain type of the player grain (its class name without <c>Grain</c>, as Orleans names it).</summary>
    public static readonly GrainType PlayerGrainType = GrainType.Create("player");

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        For(grainId).ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        For(grainId).WriteStateAsync(stateName, grainId, grainState);

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        For(grainId).ClearStateAsync(stateName, grainId, grainState);

    private IGrainStorage For(GrainId grainId) => grainId.Type.Equals(PlayerGrainType) ? guests : durable;
}

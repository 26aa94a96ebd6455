using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrleansGame.Gateway.Hosting;

/// <summary>
/// The grain storage <c>game</c> of a standalone gateway: serialised states in this process's memory, gone when it
/// exits, with the version checks of Orleans' memory storage (a write or a clear whose ETag is not the stored one
/// fails with <see cref="InconsistentStateException"/>).
/// </summary>
/// <remarks>
/// Orleans' memory storage keeps states in grains of its own. A silo that stops deactivates those along with every
/// other grain, so the checkpoints rooms write while the silo stops could not be placed anywhere and each failed with
/// a logged error. Kept outside the grains, a write always lands, and costs no grain call.
/// </remarks>
internal sealed class ProcessMemoryGrainStorage(IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private readonly Dictionary<(string StateName, GrainId GrainId), Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Entry? entry;
        lock (_lock)
        {
            _entries.TryGetValue((stateName, grainId), out entry);
        }

        if (entry?.Data is { } data)
        {
            grainState.State = serializer.Deserialize<T>(data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = entry?.ETag;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        grainState.ETag = Replace((stateName, grainId), grainState.ETag, data);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // A cleared state keeps its entry, with a version of its own, so a writer holding the version before the clear
        // still conflicts.
        grainState.ETag = Replace((stateName, grainId), grainState.ETag, data: null);
        grainState.State = activators.GetActivator<T>().Create();
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Stores <paramref name="data"/> (null: cleared) if <paramref name="etag"/> is the stored version; returns the new one.</summary>
    private string Replace((string StateName, GrainId GrainId) key, string? etag, BinaryData? data)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var stored) && stored.ETag != etag)
            {
                throw new InconsistentStateException(
                    $"the state {key.StateName} of {key.GrainId} was written by someone else", stored.ETag, etag);
            }

            var next = new Entry(data, Guid.NewGuid().ToString("N"));
            _entries[key] = next;
            return next.ETag;
        }
    }

    /// <summary>A stored state (null once cleared) and its version.</summary>
    private sealed record Entry(BinaryData? Data, string ETag);
}

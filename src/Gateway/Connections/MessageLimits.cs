using System.Collections.Frozen;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// The message types a room's mode accepts, with their limits, as a join or a resumed seat told the connection; a
/// new instance for every join, so a connection's buckets start afresh in each room.
/// </summary>
internal sealed class MessageLimits
{
    private readonly FrozenDictionary<string, int> _indexes;

    /// <summary>Indexes <paramref name="limits"/> by type; a type declared twice keeps its first limits.</summary>
    public MessageLimits(IReadOnlyList<MessageLimit> limits)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<MessageLimit>(limits.Count);
        foreach (var limit in limits)
        {
            if (indexes.TryAdd(limit.Type, kept.Count))
            {
                kept.Add(limit);
            }
        }

        _indexes = indexes.ToFrozenDictionary(StringComparer.Ordinal);
        Items = kept;
    }

    /// <summary>The limits, each at the index <see cref="TryFind"/> gives for its type.</summary>
    public IReadOnlyList<MessageLimit> Items { get; }

    /// <summary>The index of <paramref name="type"/>'s limits, if the mode declares it.</summary>
    public bool TryFind(string type, out int index) => _indexes.TryGetValue(type, out index);
}

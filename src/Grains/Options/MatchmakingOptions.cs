using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Grains.Options;

/// <summary>How quick joins spread over matchmaker partitions; bound from the <c>Matchmaking</c> configuration section.</summary>
/// <remarks>
/// A pool (a mode and a set of properties) has one partition while joins are few, so that everybody meets; as the
/// joins a silo's players make per second pass multiples of <see cref="JoinsPerPartition"/>, that silo spreads them
/// over more partitions, up to <see cref="MaxPartitions"/>. Each partition keeps at most one room partly filled.
/// </remarks>
public sealed class MatchmakingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Matchmaking";

    /// <summary>Quick joins a second one partition takes before the silo opens another. Default 250.</summary>
    [Range(1, 1_000_000)]
    public int JoinsPerPartition { get; set; } = 250;

    /// <summary>The most partitions a pool has. Default 0: four per active silo, so that the limit grows with the cluster.</summary>
    [Range(0, 1024)]
    public int MaxPartitions { get; set; }
}

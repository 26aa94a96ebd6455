namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>Rounds, seat holds, room disposal and the ping service shortened through configuration.</summary>
public sealed class ShortTimingsClusterFixture : ClusterFixtureBase
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Arena:WorldWidth"] = "200",
        ["Arena:WorldHeight"] = "200",
        ["Arena:RoundDuration"] = "00:00:01.5",
        ["Arena:ResultsDuration"] = "00:00:00.5",
        ["Arena:ReconnectWindow"] = "00:00:00.5",
        ["Arena:EmptyRoomDisposeAfter"] = "00:00:00.5",
        ["Arena:CheckpointInterval"] = "00:00:00.2",
        ["Ping:Interval"] = "00:00:00.2",
        ["Ping:Timeout"] = "00:00:02",
    };
}

[CollectionDefinition(Name)]
public sealed class ShortTimingsClusterCollection : ICollectionFixture<ShortTimingsClusterFixture>
{
    public const string Name = "short timings cluster";
}

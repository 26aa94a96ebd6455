using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The part of a <c>Snapshot</c> a bot reads; other fields are skipped by the deserialiser.</summary>
[DataContract]
internal sealed class BotSnapshot
{
    /// <summary>The room's tick number.</summary>
    [DataMember(Name = "tick")]
    public long Tick { get; set; }

    /// <summary>Server time of the tick, Unix milliseconds.</summary>
    [DataMember(Name = "serverTime")]
    public long ServerTime { get; set; }

    /// <summary>The players of the room.</summary>
    [DataMember(Name = "players")]
    public List<BotPlayerState>? Players { get; set; }
}

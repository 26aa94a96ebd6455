using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The part of a snapshot's player entry a bot reads.</summary>
[DataContract]
internal sealed class BotPlayerState
{
    /// <summary>The player's id.</summary>
    [DataMember(Name = "playerId")]
    public string? PlayerId { get; set; }

    /// <summary>The last input sequence the room applied for this player.</summary>
    [DataMember(Name = "ackSeq")]
    public long AckSeq { get; set; }

    /// <summary>The player's smoothed ping round trip, as the server measured it.</summary>
    [DataMember(Name = "rttMs")]
    public int RttMs { get; set; }
}

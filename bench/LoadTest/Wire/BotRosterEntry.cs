using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The part of a <c>JoinResult</c>'s roster entry a bot reads.</summary>
[DataContract]
internal sealed class BotRosterEntry
{
    /// <summary>The player's id.</summary>
    [DataMember(Name = "playerId")]
    public string? PlayerId { get; set; }
}

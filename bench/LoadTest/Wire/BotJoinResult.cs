using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The part of a <c>JoinResult</c> a bot reads.</summary>
[DataContract]
internal sealed class BotJoinResult
{
    /// <summary>The room the bot was seated in.</summary>
    [DataMember(Name = "roomId")]
    public string? RoomId { get; set; }

    /// <summary>The room's capacity.</summary>
    [DataMember(Name = "capacity")]
    public int Capacity { get; set; }

    /// <summary>The room's players when the bot was seated (the bot included); only their count is read.</summary>
    [DataMember(Name = "roster")]
    public List<BotRosterEntry>? Roster { get; set; }
}

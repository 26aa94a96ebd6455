using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The part of a <c>JoinResult</c> a bot reads.</summary>
[DataContract]
internal sealed class BotJoinResult
{
    /// <summary>The room the bot was seated in.</summary>
    [DataMember(Name = "roomId")]
    public string? RoomId { get; set; }
}

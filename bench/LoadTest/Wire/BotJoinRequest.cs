using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The <c>JoinRoom</c> argument; a null room id asks for quick join.</summary>
/// <param name="RoomId">Null for quick join.</param>
[DataContract]
internal sealed record BotJoinRequest([property: DataMember(Name = "roomId")] string? RoomId);

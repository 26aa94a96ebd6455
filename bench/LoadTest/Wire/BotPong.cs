using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The <c>Pong</c> a bot answers a ping with.</summary>
/// <param name="Seq">The ping's sequence.</param>
[DataContract]
internal sealed record BotPong([property: DataMember(Name = "seq")] long Seq);

using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>Sent just before the server closes a connection; <see cref="Reason"/> is one of <see cref="ClosingReasons"/>.</summary>
[GenerateSerializer, Immutable, Alias("game.Closing"), DataContract]
public sealed record Closing(
    [property: DataMember(Name = "reason")] [Id(0)] string Reason,
    [property: DataMember(Name = "message")] [Id(1)] string Message);

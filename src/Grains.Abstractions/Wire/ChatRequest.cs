using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The argument of the client's <c>Chat</c>.</summary>
[GenerateSerializer, Immutable, Alias("game.ChatRequest"), DataContract]
public sealed record ChatRequest(
    [property: DataMember(Name = "text")] [Id(0)] string? Text);

using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>The argument of the client's <c>Chat</c>.</summary>
[DataContract]
public sealed record ChatRequest(
    [property: DataMember(Name = "text")] string? Text);

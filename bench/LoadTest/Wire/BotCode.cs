using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The code of an <c>Error</c>, or the reason of a <c>Closing</c>.</summary>
[DataContract]
internal sealed class BotCode
{
    /// <summary>An <c>Error</c>'s code.</summary>
    [DataMember(Name = "code")]
    public string? Code { get; set; }

    /// <summary>A <c>Closing</c>'s reason.</summary>
    [DataMember(Name = "reason")]
    public string? Reason { get; set; }
}

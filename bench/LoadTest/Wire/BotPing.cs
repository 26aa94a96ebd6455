using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>A server ping; the bot answers with its <see cref="Seq"/> at once.</summary>
[DataContract]
internal sealed class BotPing
{
    /// <summary>The ping's sequence.</summary>
    [DataMember(Name = "seq")]
    public long Seq { get; set; }

    /// <summary>Server time of the ping, Unix milliseconds.</summary>
    [DataMember(Name = "serverTime")]
    public long ServerTime { get; set; }
}

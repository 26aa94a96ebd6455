using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>A message whose content a bot skips: no member, so the deserialiser reads past every field.</summary>
[DataContract]
internal sealed class BotSkipped;

using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>
/// The room's geometry and tick, sent with the join result as <c>arena</c> so that clients draw and predict with
/// the server's settings instead of defaults of their own.
/// </summary>
[DataContract]
public sealed record ArenaGeometry(
    [property: DataMember(Name = "worldWidth")] double WorldWidth,
    [property: DataMember(Name = "worldHeight")] double WorldHeight,
    [property: DataMember(Name = "playerRadius")] double PlayerRadius,
    [property: DataMember(Name = "orbRadius")] double OrbRadius,
    [property: DataMember(Name = "playerSpeed")] double PlayerSpeed,
    [property: DataMember(Name = "tickMs")] double TickMs,
    [property: DataMember(Name = "orbCount")] int OrbCount);

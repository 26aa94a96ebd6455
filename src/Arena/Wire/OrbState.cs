using System.Runtime.Serialization;
using OrleansGame.Rooms;

namespace OrleansGame.Arena.Wire;

/// <summary>An orb's id and position, rounded to 0.1 unit.</summary>
[DataContract]
public sealed record OrbState(
    [property: DataMember(Name = "id")] int Id,
    [property: DataMember(Name = "x"), Quantize(10)] double X,
    [property: DataMember(Name = "y"), Quantize(10)] double Y);

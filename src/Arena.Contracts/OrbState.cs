using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>An orb's id and position, rounded to 0.1 unit.</summary>
[DataContract]
public sealed record OrbState(
    [property: DataMember(Name = "id")] int Id,
    [property: DataMember(Name = "x")] double X,
    [property: DataMember(Name = "y")] double Y);

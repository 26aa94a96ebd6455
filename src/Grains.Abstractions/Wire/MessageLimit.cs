namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A message type a room's mode accepts, with the limits the gateway enforces per connection.</summary>
/// <param name="Type">The message type.</param>
/// <param name="MaxBytes">The largest payload, in bytes of JSON text.</param>
/// <param name="PerSecond">The token bucket's rate.</param>
/// <param name="Burst">The token bucket's size.</param>
[GenerateSerializer, Immutable, Alias("game.MessageLimit")]
public sealed record MessageLimit(
    [property: Id(0)] string Type,
    [property: Id(1)] int MaxBytes,
    [property: Id(2)] int PerSecond,
    [property: Id(3)] int Burst);

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// A mode's JSON, as UTF-8 text: a message payload either way, a state, a join result. Rooms serialise once and
/// gateways write it on to clients without knowing the mode's types.
/// </summary>
/// <param name="Utf8">The JSON text; never modified after it is made.</param>
[GenerateSerializer, Immutable, Alias("game.JsonPayload")]
public sealed record JsonPayload([property: Id(0)] byte[] Utf8);

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// Where a room's shared state stands in its stream of states, for the gateways' compact encoding: a gateway sends a
/// connection that asked for compact state a delta when the last state it sent that connection is this one's
/// predecessor in the same <see cref="Stream"/>, and the whole state (a keyframe) otherwise.
/// </summary>
/// <param name="Stream">Identifies the room activation that numbers the states; a new activation (a hand-over) starts a new stream.</param>
/// <param name="Frame">The state's number in its stream, from 1.</param>
/// <param name="Steps">The quantised members' steps a unit, a JSON object keyed by member name (<c>{"x": 10}</c>).</param>
[GenerateSerializer, Immutable, Alias("game.StateFrame")]
public sealed record StateFrame(
    [property: Id(0)] long Stream,
    [property: Id(1)] long Frame,
    [property: Id(2)] JsonPayload Steps);

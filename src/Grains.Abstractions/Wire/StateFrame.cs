namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// One tick's state in the compact encoding, beside the full state it encodes: the gateway sends a connection that
/// asked for compact state the <see cref="Delta"/> when the last frame it sent that connection is this frame's
/// predecessor of the same <see cref="Stream"/>, and the <see cref="Keyframe"/> otherwise.
/// </summary>
/// <param name="Stream">Identifies the room activation that numbers the frames; a new activation (a hand-over) starts a new stream.</param>
/// <param name="Frame">The frame's number in its stream, from 1.</param>
/// <param name="Keyframe">The whole state, with its quantised numbers rounded to their steps.</param>
/// <param name="Steps">The quantised members' steps a unit, a JSON object keyed by member name (<c>{"x": 10}</c>).</param>
/// <param name="Delta">What changed since frame <c>Frame - 1</c>; null for a stream's first frame.</param>
[GenerateSerializer, Immutable, Alias("game.StateFrame")]
public sealed record StateFrame(
    [property: Id(0)] long Stream,
    [property: Id(1)] long Frame,
    [property: Id(2)] JsonPayload Keyframe,
    [property: Id(3)] JsonPayload Steps,
    [property: Id(4)] JsonPayload? Delta);

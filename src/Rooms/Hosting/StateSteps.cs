using System.Collections.Frozen;
using System.Text.Json;
namespace OrleansGame.Rooms.Hosting;

/// <summary>
/// What a mode declares for its compact encoding (<see cref="ModeSettings.Quantize"/>): the steps a unit of each
/// quantised member, keyed by the member's JSON name, and their JSON as rooms send it with a state.
/// </summary>
internal sealed class StateSteps
{
    private StateSteps(FrozenDictionary<string, int> steps)
    {
        Steps = steps;
        Json = JsonSerializer.SerializeToUtf8Bytes(steps, RoomJson.Options);
    }

    /// <summary>An empty declaration: nothing quantised.</summary>
    public static StateSteps None { get; } = new(FrozenDictionary<string, int>.Empty);

    /// <summary>Steps a unit by member name.</summary>
    public FrozenDictionary<string, int> Steps { get; }

    /// <summary><see cref="Steps"/> as the JSON object rooms send their gateways and clients receive with a keyframe.</summary>
    public byte[] Json { get; }

    /// <summary>Steps given by name.</summary>
    public static StateSteps Of(IReadOnlyDictionary<string, int> steps) =>
        steps.Count == 0 ? None : new StateSteps(steps.ToFrozenDictionary(StringComparer.Ordinal));

    /// <summary>
    /// The steps of <paramref name="json"/> (what <see cref="Json"/> wrote), or <paramref name="known"/> when its JSON
    /// is the same; throws <see cref="JsonException"/> for anything but an object of whole numbers 1 to 1,000,000.
    /// </summary>
    public static StateSteps FromJson(ReadOnlySpan<byte> json, StateSteps? known = null)
    {
        if (known is not null && json.SequenceEqual(known.Json))
        {
            return known;
        }

        var steps = JsonSerializer.Deserialize<Dictionary<string, int>>(json, RoomJson.Options) ?? throw new JsonException("the steps are null");
        if (steps.Values.Any(static s => s is < 1 or > 1_000_000))
        {
            throw new JsonException("a step a unit is outside 1 to 1,000,000");
        }

        return Of(steps);
    }

}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
namespace OrleansGame.Rooms.Hosting;

/// <summary>
/// What a state type declares for its compact encoding: the steps a unit of each <see cref="QuantizeAttribute"/>
/// member, keyed by the member's JSON name, read once per type from the serializer's own view of it.
/// </summary>
internal sealed class StateSteps
{
    private static readonly ConcurrentDictionary<Type, StateSteps> Cache = new();

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

    /// <summary>Steps given by name (for states read from JSON alone).</summary>
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

    /// <summary>The steps <paramref name="type"/> declares; throws <see cref="InvalidOperationException"/> when two members of one name declare different steps.</summary>
    public static StateSteps For(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var steps = new Dictionary<string, int>(StringComparer.Ordinal);
        Collect(t, steps, []);
        return steps.Count == 0 ? None : new StateSteps(steps.ToFrozenDictionary(StringComparer.Ordinal));
    });

    private static void Collect(Type type, Dictionary<string, int> steps, HashSet<Type> seen)
    {
        if (type == typeof(object) || !seen.Add(type))
        {
            return;
        }

        var info = RoomJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when info.ElementType is { } element:
                Collect(element, steps, seen);
                break;
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.AttributeProvider?.GetCustomAttributes(typeof(QuantizeAttribute), inherit: true) is [QuantizeAttribute quantize, ..])
                    {
                        if (steps.TryGetValue(property.Name, out var declared) && declared != quantize.StepsPerUnit)
                        {
                            throw new InvalidOperationException(
                                $"state member '{property.Name}' is quantised to {declared} and to {quantize.StepsPerUnit} steps a unit; one name takes one step");
                        }

                        steps[property.Name] = quantize.StepsPerUnit;
                    }

                    Collect(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, steps, seen);
                }

                break;
        }
    }
}

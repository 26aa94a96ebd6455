using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>
/// Applies the compact encoding's deltas as docs/protocol.md describes them, independently of the encoder (the SDK's
/// client/src/sdk/delta.js is the other reader), and compares states the way a client sees them.
/// </summary>
public static class DeltaApplier
{
    /// <summary>The value after <paramref name="delta"/>; <paramref name="previous"/> is not changed.</summary>
    public static JsonNode? Apply(JsonNode? previous, JsonNode? delta, IReadOnlyDictionary<string, int> steps, string? name = null)
    {
        switch (delta)
        {
            case JsonArray { Count: 1 } replacement:
                return replacement[0]?.DeepClone();
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                var change = number.GetValue<long>();
                if (name is not null && steps.TryGetValue(name, out var perUnit))
                {
                    return JsonValue.Create((Math.Round(previous!.GetValue<double>() * perUnit) + change) / perUnit);
                }

                return JsonValue.Create(previous!.GetValue<long>() + change);
            case JsonObject changes when previous is JsonArray array:
                var elements = array.Select(static e => e?.DeepClone()).ToList();
                if (changes["n"] is { } length)
                {
                    var n = length.GetValue<int>();
                    elements = [.. elements.Take(n), .. Enumerable.Repeat<JsonNode?>(null, Math.Max(0, n - elements.Count))];
                }

                foreach (var (key, value) in changes)
                {
                    if (key != "n")
                    {
                        var i = int.Parse(key, CultureInfo.InvariantCulture);
                        elements[i] = Apply(i < array.Count ? array[i] : null, value, steps, name);
                    }
                }

                return new JsonArray([.. elements]);
            case JsonObject changes when previous is JsonObject members:
                var result = (JsonObject)members.DeepClone();
                foreach (var (key, value) in changes)
                {
                    if (value is JsonArray { Count: 0 })
                    {
                        Assert.True(result.Remove(key), $"a delta removes '{key}', which the state does not have");
                    }
                    else
                    {
                        result[key] = Apply(members[key], value, steps, key);
                    }
                }

                return result;
            default:
                throw new Xunit.Sdk.XunitException($"not a delta over {previous?.ToJsonString() ?? "null"}: {delta?.ToJsonString() ?? "null"}");
        }
    }

    /// <summary>
    /// <paramref name="node"/> with its quantised members rounded to their steps: what a client makes of a keyframe,
    /// and what the deltas after it rebuild.
    /// </summary>
    public static JsonNode? Quantised(JsonNode? node, IReadOnlyDictionary<string, int> steps, string? name = null) => node switch
    {
        JsonObject members => new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, Quantised(m.Value, steps, m.Key)))),
        JsonArray elements => new JsonArray([.. elements.Select(e => Quantised(e, steps, name))]),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && name is not null && steps.TryGetValue(name, out var perUnit) =>
            JsonValue.Create(Math.Round(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture) * perUnit) / perUnit),
        _ => node?.DeepClone(),
    };

    /// <summary>A state's text with members in name order and every number as its double: equal for states a client cannot tell apart.</summary>
    public static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject members:
                text.Append('{');
                foreach (var (key, value) in members.OrderBy(static m => m.Key, StringComparer.Ordinal))
                {
                    text.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray elements:
                text.Append('[');
                foreach (var element in elements)
                {
                    Write(element, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                text.Append(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }
}

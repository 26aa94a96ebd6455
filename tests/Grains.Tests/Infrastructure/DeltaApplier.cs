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
    /// <summary>
    /// The value after <paramref name="delta"/>; <paramref name="previous"/> is not changed. <paramref name="names"/> is
    /// the keyframe's names, which pairs name members by number.
    /// </summary>
    public static JsonNode? Apply(JsonNode? previous, JsonNode? delta, IReadOnlyDictionary<string, int> steps, IReadOnlyList<string> names, string? name = null)
    {
        switch (delta)
        {
            case JsonArray { Count: 1 } replacement:
                return replacement[0]?.DeepClone();
            case JsonArray { Count: > 1 } pairs when previous is JsonArray array:
                Assert.True(pairs.Count % 2 == 0, $"pairs come in twos: {pairs.ToJsonString()}");
                var items = array.Select(static e => e?.DeepClone()).ToList();
                for (var p = 0; p < pairs.Count; p += 2)
                {
                    if (pairs[p]!.GetValueKind() == JsonValueKind.String)
                    {
                        Assert.Equal("n", pairs[p]!.GetValue<string>());
                        var n = pairs[p + 1]!.GetValue<int>();
                        items = [.. items.Take(n), .. Enumerable.Repeat<JsonNode?>(null, Math.Max(0, n - items.Count))];
                    }
                    else
                    {
                        var i = pairs[p]!.GetValue<int>();
                        items[i] = Apply(i < array.Count ? array[i] : null, pairs[p + 1], steps, names, name);
                    }
                }

                return new JsonArray([.. items]);
            case JsonArray { Count: > 1 } pairs when previous is JsonObject fields:
                Assert.True(pairs.Count % 2 == 0, $"pairs come in twos: {pairs.ToJsonString()}");
                var changed = (JsonObject)fields.DeepClone();
                for (var p = 0; p < pairs.Count; p += 2)
                {
                    var key = pairs[p]!.GetValueKind() == JsonValueKind.String ? pairs[p]!.GetValue<string>() : names[pairs[p]!.GetValue<int>()];
                    if (pairs[p + 1] is JsonArray { Count: 0 })
                    {
                        Assert.True(changed.Remove(key), $"a delta removes '{key}', which the state does not have");
                    }
                    else
                    {
                        changed[key] = Apply(fields[key], pairs[p + 1], steps, names, key);
                    }
                }

                return changed;
            case JsonObject { Count: 0 }:
                return previous?.DeepClone();
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                var change = number.GetValue<long>();
                if (name is not null && steps.TryGetValue(name, out var perUnit))
                {
                    return JsonValue.Create((Math.Round(previous!.GetValue<double>() * perUnit) + change) / perUnit);
                }

                return JsonValue.Create(previous!.GetValue<long>() + change);
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

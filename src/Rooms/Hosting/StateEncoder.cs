using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OrleansGame.Rooms.Hosting;

/// <summary>
/// The host's compact encoding of a room's shared state, for one stream of states: each state is diffed structurally
/// against the one before it, from the JSON the mode's state serialises to. A mode declares nothing but the
/// members it quantises (<see cref="ModeSettings.Quantize"/>).
/// </summary>
/// <remarks>
/// <para>A delta is a JSON value applied to the previous value at the same place:</para>
/// <list type="bullet">
/// <item><c>[v]</c>: replace with <c>v</c>; <c>[]</c>: remove this member.</item>
/// <item>a number: add it (in steps for a quantised member, else to a whole number).</item>
/// <item>an object, where the previous value is an object: its changed members, each a delta.</item>
/// <item>an object, where the previous value is an array: <c>"n"</c> the new length when it changed, and the changed
/// elements by index (<c>"3"</c>), each a delta (<c>[v]</c> for an element past the old end).</item>
/// </list>
/// <para>A keyframe is the state as it is: a client rounds its quantised members to their steps.</para>
/// </remarks>
internal sealed class StateEncoder : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private JsonDocument? _previous;

    /// <summary>Creates an encoder with no previous state.</summary>
    public StateEncoder()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = RoomJson.Options.Encoder, SkipValidation = true });
    }

    /// <summary>
    /// Remembers <paramref name="state"/> (a state's JSON) as the previous state, and returns the delta from the state
    /// before it when <paramref name="follows"/> says that one is its predecessor (else null).
    /// </summary>
    public byte[]? Next(StateSteps steps, byte[] state, bool follows)
    {
        var current = JsonDocument.Parse(state);
        byte[]? delta = null;
        if (_previous is { } previous)
        {
            if (follows)
            {
                delta = Write(w =>
                {
                    if (Same(previous.RootElement, current.RootElement, null, steps)
                        && current.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        // Nothing changed: no members, or no elements, to change.
                        w.WriteStartObject();
                        w.WriteEndObject();
                    }
                    else
                    {
                        WriteDelta(w, previous.RootElement, current.RootElement, null, steps);
                    }
                });
            }

            previous.Dispose();
        }

        _previous = current;
        return delta;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _previous?.Dispose();
        _previous = null;
        _writer.Dispose();
    }

    private byte[] Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        write(_writer);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    private static void WriteDelta(Utf8JsonWriter w, JsonElement before, JsonElement after, string? name, StateSteps steps)
    {
        switch (before.ValueKind, after.ValueKind)
        {
            case (JsonValueKind.Object, JsonValueKind.Object):
                w.WriteStartObject();
                foreach (var member in after.EnumerateObject())
                {
                    if (!before.TryGetProperty(member.Name, out var old))
                    {
                        w.WritePropertyName(member.Name);
                        WriteReplacement(w, member.Value, member.Name, steps);
                    }
                    else if (!Same(old, member.Value, member.Name, steps))
                    {
                        w.WritePropertyName(member.Name);
                        WriteDelta(w, old, member.Value, member.Name, steps);
                    }
                }

                foreach (var member in before.EnumerateObject())
                {
                    if (!after.TryGetProperty(member.Name, out _))
                    {
                        w.WritePropertyName(member.Name);
                        w.WriteStartArray();
                        w.WriteEndArray();
                    }
                }

                w.WriteEndObject();
                break;
            case (JsonValueKind.Array, JsonValueKind.Array):
                var oldLength = before.GetArrayLength();
                var newLength = after.GetArrayLength();
                w.WriteStartObject();
                if (oldLength != newLength)
                {
                    w.WriteNumber("n", newLength);
                }

                for (var i = 0; i < newLength; i++)
                {
                    var element = after[i];
                    if (i >= oldLength)
                    {
                        w.WritePropertyName(Index(i));
                        WriteReplacement(w, element, name, steps);
                    }
                    else if (!Same(before[i], element, name, steps))
                    {
                        w.WritePropertyName(Index(i));
                        WriteDelta(w, before[i], element, name, steps);
                    }
                }

                w.WriteEndObject();
                break;
            case (JsonValueKind.Number, JsonValueKind.Number) when Difference(before, after, name, steps) is { } difference:
                w.WriteNumberValue(difference);
                break;
            default:
                WriteReplacement(w, after, name, steps);
                break;
        }
    }

    private static string Index(int i) => i < Indices.Length ? Indices[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] Indices = [.. Enumerable.Range(0, 64).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The number to add: in steps for a quantised member, else whole numbers only; null when it must be replaced.</summary>
    private static long? Difference(JsonElement before, JsonElement after, string? name, StateSteps steps)
    {
        if (name is not null && steps.Steps.TryGetValue(name, out var perUnit))
        {
            return Quantise(before.GetDouble(), perUnit) is { } old && Quantise(after.GetDouble(), perUnit) is { } now ? now - old : null;
        }

        return before.TryGetInt64(out var a) && after.TryGetInt64(out var b) && Math.Abs((double)b - a) < 9e15 ? b - a : null;
    }

    private static long? Quantise(double value, int perUnit)
    {
        var scaled = Math.Round(value * perUnit);
        return double.IsFinite(scaled) && Math.Abs(scaled) < 9e15 ? (long)scaled : null;
    }

    private static void WriteReplacement(Utf8JsonWriter w, JsonElement value, string? name, StateSteps steps)
    {
        w.WriteStartArray();
        WriteQuantised(w, value, name, steps);
        w.WriteEndArray();
    }

    /// <summary>Writes <paramref name="value"/> with every quantised number rounded to its step.</summary>
    private static void WriteQuantised(Utf8JsonWriter w, JsonElement value, string? name, StateSteps steps)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when steps.Steps.Count > 0:
                w.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    w.WritePropertyName(member.Name);
                    WriteQuantised(w, member.Value, member.Name, steps);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array when steps.Steps.Count > 0:
                w.WriteStartArray();
                foreach (var element in value.EnumerateArray())
                {
                    WriteQuantised(w, element, name, steps);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.Number when name is not null && steps.Steps.TryGetValue(name, out var perUnit)
                && Quantise(value.GetDouble(), perUnit) is { } quanta:
                w.WriteNumberValue(quanta / (double)perUnit);
                break;
            default:
                value.WriteTo(w);
                break;
        }
    }

    /// <summary>Whether two values are equal as clients see them (quantised numbers compared in steps).</summary>
    private static bool Same(JsonElement a, JsonElement b, string? name, StateSteps steps)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return name is not null && steps.Steps.TryGetValue(name, out var perUnit)
                    ? Quantise(a.GetDouble(), perUnit) == Quantise(b.GetDouble(), perUnit)
                    : JsonMarshal.GetRawUtf8Value(a).SequenceEqual(JsonMarshal.GetRawUtf8Value(b));
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                var length = a.GetArrayLength();
                if (length != b.GetArrayLength())
                {
                    return false;
                }

                for (var i = 0; i < length; i++)
                {
                    if (!Same(a[i], b[i], name, steps))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var member in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(member.Name, out var other) || !Same(member.Value, other, member.Name, steps))
                    {
                        return false;
                    }
                }

                foreach (var _ in b.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true;
        }
    }
}

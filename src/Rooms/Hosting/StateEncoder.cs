using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
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
/// <item>pairs <c>[key, delta, key, delta, ...]</c> (two items or more), where the previous value is an object: its
/// changed members, each a delta, a member named by its number in <see cref="NamesJson"/> or, when not there, by its
/// name.</item>
/// <item>pairs, where the previous value is an array: <c>"n"</c> and the new length when it changed, and the changed
/// elements by index, each a delta (<c>[v]</c> for an element past the old end).</item>
/// <item><c>{}</c>, for the whole state: nothing changed.</item>
/// </list>
/// <para>
/// A keyframe is the state as it is, with the stream's names: a client rounds its quantised members to their steps.
/// The names are the member names of the stream's first state, in the order they first appear, so that a delta
/// names a member in one byte (a MessagePack map key costs its name every time).
/// </para>
/// </remarks>
internal sealed class StateEncoder : IDisposable
{
    /// <summary>The most names a stream numbers (the first ones of its first state); later ones go by name.</summary>
    public const int MaxNames = 256;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private JsonDocument? _previous;
    private Dictionary<string, int>? _names;

    /// <summary>Creates an encoder with no previous state.</summary>
    public StateEncoder()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = RoomJson.Options.Encoder, SkipValidation = true });
    }

    /// <summary>
    /// The member names deltas refer to by number, as a JSON array of strings (the names of the first state this
    /// encoder took, in the order they first appear, at most <see cref="MaxNames"/>); empty before the first state. Keyframes carry it.
    /// </summary>
    public byte[] NamesJson { get; private set; } = "[]"u8.ToArray();

    /// <summary>
    /// Remembers <paramref name="state"/> (a state's JSON) as the previous state, and returns the delta from the state
    /// before it when <paramref name="follows"/> says that one is its predecessor (else null).
    /// </summary>
    public byte[]? Next(StateSteps steps, byte[] state, bool follows)
    {
        var current = JsonDocument.Parse(state);
        if (_names is null)
        {
            _names = new Dictionary<string, int>(StringComparer.Ordinal);
            Collect(current.RootElement, _names);
            NamesJson = JsonSerializer.SerializeToUtf8Bytes(_names.OrderBy(static n => n.Value).Select(static n => n.Key).ToArray(), RoomJson.Options);
        }

        var names = _names;
        byte[]? delta = null;
        if (_previous is { } previous)
        {
            if (follows)
            {
                delta = Write(w => WriteDelta(w, previous.RootElement, current.RootElement, null, steps, names));
                if (delta is [(byte)'[', (byte)']'] && current.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    // Nothing changed: no members, or no elements, to change; [] alone would remove the state.
                    delta = "{}"u8.ToArray();
                }
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

    private static void WriteDelta(Utf8JsonWriter w, JsonElement before, JsonElement after, string? name, StateSteps steps, Dictionary<string, int> names)
    {
        switch (before.ValueKind, after.ValueKind)
        {
            case (JsonValueKind.Object, JsonValueKind.Object):
                w.WriteStartArray();
                var olds = before.EnumerateObject();
                foreach (var member in after.EnumerateObject())
                {
                    if (!TryGetMember(before, ref olds, member, out var old))
                    {
                        var memberName = NameOf(member, names, out var number);
                        WriteName(w, memberName, number);
                        WriteReplacement(w, member.Value, memberName, steps);
                    }
                    else if (!WrittenAlike(old, member.Value))
                    {
                        var memberName = NameOf(member, names, out var number);
                        if (QuantisedChange(old, member.Value, memberName, steps) is { } change)
                        {
                            // Most of what changes from tick to tick: compared and diffed in one go.
                            if (change != 0)
                            {
                                WriteName(w, memberName, number);
                                w.WriteNumberValue(change);
                            }
                        }
                        else if (!Same(old, member.Value, memberName, steps, names))
                        {
                            WriteName(w, memberName, number);
                            WriteDelta(w, old, member.Value, memberName, steps, names);
                        }
                    }
                }

                var news = after.EnumerateObject();
                foreach (var member in before.EnumerateObject())
                {
                    if (!TryGetMember(after, ref news, member, out _))
                    {
                        WriteName(w, NameOf(member, names, out var number), number);
                        w.WriteStartArray();
                        w.WriteEndArray();
                    }
                }

                w.WriteEndArray();
                break;
            case (JsonValueKind.Array, JsonValueKind.Array):
                var oldLength = before.GetArrayLength();
                var newLength = after.GetArrayLength();
                w.WriteStartArray();
                if (oldLength != newLength)
                {
                    w.WriteStringValue("n"u8);
                    w.WriteNumberValue(newLength);
                }

                // In step, not by index: a JsonElement's indexer walks the array from its start when the elements are
                // objects or arrays, which made a state's diff quadratic in its longest list.
                var oldElements = before.EnumerateArray();
                var i = 0;
                foreach (var element in after.EnumerateArray())
                {
                    if (!oldElements.MoveNext())
                    {
                        w.WriteNumberValue(i);
                        WriteReplacement(w, element, name, steps);
                    }
                    else if (!Same(oldElements.Current, element, name, steps, names))
                    {
                        w.WriteNumberValue(i);
                        WriteDelta(w, oldElements.Current, element, name, steps, names);
                    }

                    i++;
                }

                w.WriteEndArray();
                break;
            case (JsonValueKind.Number, JsonValueKind.Number) when Difference(before, after, name, steps) is { } difference:
                w.WriteNumberValue(difference);
                break;
            default:
                WriteReplacement(w, after, name, steps);
                break;
        }
    }

    /// <summary>
    /// The member of <paramref name="value"/> named as <paramref name="like"/> is: looked for first where
    /// <paramref name="at"/> (an enumerator of <paramref name="value"/>'s members) stands next, since two states of a
    /// mode list their members in the same order, and else by name.
    /// </summary>
    private static bool TryGetMember(JsonElement value, ref JsonElement.ObjectEnumerator at, JsonProperty like, out JsonElement found)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(like);
        if (raw.Contains((byte)'\\'))
        {
            // Escaped as written: compared by its value.
            return value.TryGetProperty(like.Name, out found);
        }

        if (at.MoveNext() && at.Current.NameEquals(raw))
        {
            found = at.Current.Value;
            return true;
        }

        return value.TryGetProperty(raw, out found);
    }

    /// <summary>A member's name: the stream's own string when it is among its names (no string made per member per state).</summary>
    private static string NameOf(JsonProperty member, Dictionary<string, int> names) => NameOf(member, names, out _);

    /// <summary>
    /// A member's name, the stream's own string when it is among its names, and its <paramref name="number"/> there
    /// (-1 when it has none).
    /// </summary>
    private static string NameOf(JsonProperty member, Dictionary<string, int> names, out int number)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.Length <= 64 && !raw.Contains((byte)'\\'))
        {
            Span<char> chars = stackalloc char[64];
            if (Encoding.UTF8.TryGetChars(raw, chars, out var count)
                && names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..count], out var known, out number))
            {
                return known;
            }
        }

        var name = member.Name;
        if (!names.TryGetValue(name, out number))
        {
            number = -1;
        }

        return name;
    }

    /// <summary>A member's key in pairs: its <paramref name="number"/> among the stream's names, or its name when it has none.</summary>
    private static void WriteName(Utf8JsonWriter w, string name, int number)
    {
        if (number >= 0)
        {
            w.WriteNumberValue(number);
        }
        else
        {
            w.WriteStringValue(name);
        }
    }

    /// <summary>Numbers the member names of <paramref name="value"/> not numbered yet, in the order they appear.</summary>
    private static void Collect(JsonElement value, Dictionary<string, int> names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (names.Count < MaxNames)
                    {
                        names.TryAdd(member.Name, names.Count);
                    }

                    Collect(member.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var element in value.EnumerateArray())
                {
                    Collect(element, names);
                }

                break;
        }
    }

    /// <summary>The number to add: in steps for a quantised member, else whole numbers only; null when it must be replaced.</summary>
    private static long? Difference(JsonElement before, JsonElement after, string? name, StateSteps steps)
    {
        if (name is not null && steps.Steps.TryGetValue(name, out var perUnit))
        {
            return Quantise(before.GetDouble(), perUnit) is { } old && Quantise(after.GetDouble(), perUnit) is { } now ? now - old : null;
        }

        return before.TryGetInt64(out var a) && after.TryGetInt64(out var b) && Math.Abs((double)b - a) < 9e15 ? b - a : null;
    }

    /// <summary>
    /// The change of a quantised number in steps (0 when clients see the same value); null when the values are not
    /// both numbers of a quantised member that quantise, and the general comparison decides.
    /// </summary>
    private static long? QuantisedChange(JsonElement before, JsonElement after, string name, StateSteps steps) =>
        before.ValueKind == JsonValueKind.Number && after.ValueKind == JsonValueKind.Number
        && steps.Steps.TryGetValue(name, out var perUnit)
        && Quantise(before.GetDouble(), perUnit) is { } old && Quantise(after.GetDouble(), perUnit) is { } now
            ? now - old
            : null;

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

    /// <summary>
    /// Whether two values are written the same: most of a state from one tick to the next, compared in one go, and
    /// before the member's name is looked up.
    /// </summary>
    private static bool WrittenAlike(JsonElement a, JsonElement b) =>
        JsonMarshal.GetRawUtf8Value(a).SequenceEqual(JsonMarshal.GetRawUtf8Value(b));

    /// <summary>Whether two values are equal as clients see them (quantised numbers compared in steps).</summary>
    private static bool Same(JsonElement a, JsonElement b, string? name, StateSteps steps, Dictionary<string, int> names)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        if (WrittenAlike(a, b))
        {
            return true;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return name is not null && steps.Steps.TryGetValue(name, out var perUnit)
                    && Quantise(a.GetDouble(), perUnit) == Quantise(b.GetDouble(), perUnit);
            case JsonValueKind.String:
                // Written differently (escapes): compared by value.
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                var elements = b.EnumerateArray();
                foreach (var element in a.EnumerateArray())
                {
                    elements.MoveNext();
                    if (!Same(element, elements.Current, name, steps, names))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                var others = b.EnumerateObject();
                foreach (var member in a.EnumerateObject())
                {
                    count++;
                    if (!TryGetMember(b, ref others, member, out var other)
                        || (!WrittenAlike(member.Value, other) && !Same(member.Value, other, NameOf(member, names), steps, names)))
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

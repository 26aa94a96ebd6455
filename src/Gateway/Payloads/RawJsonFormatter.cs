using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MessagePack;
using MessagePack.Formatters;

namespace OrleansGame.Gateway.Payloads;

/// <summary>
/// Converts a <see cref="RawJson"/> to and from a MessagePack value for the hub's MessagePack protocol: an object is a
/// map with string keys, an array an array, a string a string, a number an integer when it is a whole number that fits
/// a 64-bit integer (written without fraction or exponent, or exactly a double; a larger one that fits an unsigned
/// 64-bit integer is a uint64) and a float64 otherwise,
/// <c>true</c>/<c>false</c> a boolean, <c>null</c> nil. Reading refuses what
/// JSON cannot say (binary, extensions such as timestamps, keys that are not strings, strings that are not UTF-8, NaN and
/// infinities) and values
/// nested more than <see cref="MaxDepth"/> deep, with a <see cref="T:MessagePack.MessagePackSerializationException"/>, which SignalR
/// reports as a call it could not bind.
/// </summary>
internal sealed class RawJsonFormatter : IMessagePackFormatter<RawJson?>
{
    /// <summary>The deepest nesting of maps and arrays accepted from a client (the rooms read payloads no deeper).</summary>
    public const int MaxDepth = 32;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The text goes to a room's JSON reader, not into a web page: only what JSON requires is escaped, so a
        // payload's size in bytes is the same whether the client spoke JSON or MessagePack.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>2^53: every whole number up to it is exactly a double.</summary>
    private const double ExactIntegers = 9_007_199_254_740_992;

    /// <summary>The formatter; it holds no state.</summary>
    public static RawJsonFormatter Instance { get; } = new();

    /// <inheritdoc/>
    public void Serialize(ref MessagePackWriter writer, RawJson? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        // A MessagePack map or array announces its length before its items, so a first pass counts them.
        var counts = CountItems(value.Utf8);
        var reader = new Utf8JsonReader(value.Utf8);
        var container = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteMapHeader(counts[container++]);
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteArrayHeader(counts[container++]);
                    break;
                case JsonTokenType.PropertyName:
                case JsonTokenType.String:
                    WriteString(ref writer, ref reader);
                    break;
                case JsonTokenType.Number:
                    WriteNumber(ref writer, ref reader);
                    break;
                case JsonTokenType.True:
                    writer.Write(true);
                    break;
                case JsonTokenType.False:
                    writer.Write(false);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNil();
                    break;
            }
        }
    }

    /// <inheritdoc/>
    public RawJson? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        // Every input of a MessagePack client comes this way: the text is written into this thread's buffer by this
        // thread's writer, so the value's own array is the one allocation.
        var output = buffer ??= new ArrayBufferWriter<byte>(256);
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output, WriterOptions);
        json.Reset(output);
        try
        {
            WriteValue(ref reader, json, depth: 0);
            json.Flush();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or JsonException)
        {
            // Utf8JsonWriter refuses text that is not UTF-8.
            throw new MessagePackSerializationException($"the value cannot be read as JSON: {exception.Message}", exception);
        }

        return new RawJson(output.WrittenSpan.ToArray());
    }

    private static List<int> CountItems(byte[] utf8)
    {
        var counts = new List<int>();
        var open = new Stack<(int Index, bool IsArray)>();
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    CountValue();
                    open.Push((counts.Count, reader.TokenType == JsonTokenType.StartArray));
                    counts.Add(0);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    counts[open.Peek().Index]++;
                    break;
                default:
                    CountValue();
                    break;
            }
        }

        return counts;

        // A value counts as an item of an array; in an object its property name already counted it.
        void CountValue()
        {
            if (open.TryPeek(out var parent) && parent.IsArray)
            {
                counts[parent.Index]++;
            }
        }
    }

    private static void WriteString(ref MessagePackWriter writer, ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            writer.WriteString(reader.ValueSpan);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var length = reader.CopyString(rented);
            writer.WriteString(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void WriteNumber(ref MessagePackWriter writer, ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var integer))
        {
            writer.Write(integer);
            return;
        }

        if (reader.TryGetUInt64(out var large))
        {
            // Above long.MaxValue: MessagePack's uint64 holds it exactly, where a float64 would round it.
            writer.Write(large);
            return;
        }

        // A whole number written with a fraction or an exponent (1.0, 2e3) is an integer too, as long as a double holds
        // it exactly; anything else is a float64.
        var number = reader.GetDouble();
        if (double.IsInteger(number) && Math.Abs(number) <= ExactIntegers)
        {
            writer.Write((long)number);
        }
        else
        {
            writer.Write(number);
        }
    }

    private static void WriteValue(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64:
                json.WriteNumberValue(reader.ReadUInt64());
                break;
            case MessagePackType.Integer:
                json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float when reader.NextCode == MessagePackCode.Float32:
                var single = reader.ReadSingle();
                json.WriteNumberValue(float.IsFinite(single) ? single : throw NotJson("NaN and infinities"));
                break;
            case MessagePackType.Float:
                var number = reader.ReadDouble();
                json.WriteNumberValue(double.IsFinite(number) ? number : throw NotJson("NaN and infinities"));
                break;
            case MessagePackType.String:
                json.WriteStringValue(ReadUtf8(ref reader));
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                CheckDepth(depth + 1);
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    WriteValue(ref reader, json, depth + 1);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.Map:
                var properties = reader.ReadMapHeader();
                CheckDepth(depth + 1);
                json.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    if (reader.NextMessagePackType != MessagePackType.String)
                    {
                        throw NotJson($"a map key of type {reader.NextMessagePackType}");
                    }

                    json.WritePropertyName(ReadUtf8(ref reader));
                    WriteValue(ref reader, json, depth + 1);
                }

                json.WriteEndObject();
                break;
            case var other:
                throw NotJson(other.ToString());
        }
    }

    private static ReadOnlySpan<byte> ReadUtf8(ref MessagePackReader reader)
    {
        // A string that spans more than one segment of the input is copied.
        var utf8 = reader.TryReadStringSpan(out var span) ? span : reader.ReadStringSequence()?.ToArray() ?? [];
        return Utf8.IsValid(utf8) ? utf8 : throw NotJson("a string that is not UTF-8");
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new MessagePackSerializationException($"the value is nested more than {MaxDepth} deep");
        }
    }

    private static MessagePackSerializationException NotJson(string what) => new($"JSON has no equivalent of {what}");
}

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGame.Gateway.Payloads;

/// <summary>
/// Writes a <see cref="RawJson"/> as its text, unchanged (the room already serialised it), and reads any JSON value
/// into one, nested at most <see cref="RawJsonFormatter.MaxDepth"/> deep like its MessagePack counterpart.
/// </summary>
/// <remarks>
/// A converter is not handed the text it reads, only its tokens. A value written without whitespace between its tokens
/// (what every client library sends) is its tokens and the separators between them, so it is copied token by token
/// in one pass, which also measures its depth. A value with whitespace inside goes through a <see cref="JsonDocument"/>,
/// which keeps the text as it came: that costs the document and a second pass for the depth.
/// </remarks>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? copy;

    /// <inheritdoc/>
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var start = reader;
        if (TryCopyCompact(ref reader) is { } compact)
        {
            return new RawJson(compact);
        }

        reader = start;
        using var document = JsonDocument.ParseValue(ref reader);
        var utf8 = JsonMarshal.GetRawUtf8Value(document.RootElement).ToArray();

        // Reading it again with the depth limit throws a JsonException for a value nested too deep, which SignalR
        // reports as a call it could not bind.
        var check = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = RawJsonFormatter.MaxDepth });
        while (check.Read())
        {
        }

        return new RawJson(utf8);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);

    /// <summary>
    /// Reads the value at the reader's token by copying its tokens and the separators JSON puts between them; null when
    /// the copy is not the text (there was whitespace inside, or a token spans buffers), the reader then being anywhere.
    /// Throws a <see cref="JsonException"/> for a value nested deeper than <see cref="RawJsonFormatter.MaxDepth"/>.
    /// </summary>
    private static byte[]? TryCopyCompact(ref Utf8JsonReader reader)
    {
        var output = copy ??= new ArrayBufferWriter<byte>(256);
        output.ResetWrittenCount();
        var start = reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        var separate = false;
        while (true)
        {
            if (reader.HasValueSequence)
            {
                return null;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (reader.CurrentDepth - depth + 1 > RawJsonFormatter.MaxDepth)
                    {
                        throw new JsonException($"the value is nested more than {RawJsonFormatter.MaxDepth} deep");
                    }

                    Append(output, separate, reader.TokenType == JsonTokenType.StartObject ? "{"u8 : "["u8);
                    separate = false;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    Append(output, separate: false, reader.TokenType == JsonTokenType.EndObject ? "}"u8 : "]"u8);
                    separate = true;
                    break;
                case JsonTokenType.PropertyName:
                    Append(output, separate, "\""u8);
                    Append(output, separate: false, reader.ValueSpan);
                    Append(output, separate: false, "\":"u8);
                    separate = false;
                    break;
                case JsonTokenType.String:
                    // The value as written, escapes and all.
                    Append(output, separate, "\""u8);
                    Append(output, separate: false, reader.ValueSpan);
                    Append(output, separate: false, "\""u8);
                    separate = true;
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    Append(output, separate, reader.ValueSpan);
                    separate = true;
                    break;
                default:
                    return null;
            }

            if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                break;
            }

            if (!reader.Read())
            {
                return null;
            }
        }

        return output.WrittenCount == reader.BytesConsumed - start ? output.WrittenSpan.ToArray() : null;
    }

    private static void Append(ArrayBufferWriter<byte> output, bool separate, ReadOnlySpan<byte> bytes)
    {
        if (separate)
        {
            output.Write(","u8);
        }

        output.Write(bytes);
    }
}

using System.Buffers;
using System.Text.Json;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;
using Scratch = (System.Buffers.ArrayBufferWriter<byte> Buffer, System.Text.Json.Utf8JsonWriter Json);

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The <c>JoinResult</c> JSON: the host's fields (room, player, capacity, privacy, roster), then the mode's join state's
/// fields, then the mode's name. A mode's field of the same name as one of the host's is left out.
/// </summary>
internal static class JoinResultJson
{
    /// <summary>A buffer that grew past this (a mode with a large join state) is let go rather than kept by its thread.</summary>
    private const int MaxKept = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = RoomJson.Options.Encoder };

    // A join's JSON is written on this thread's buffers by this thread's writers (a room writes it within one turn,
    // without awaiting), so the result's own array is the one allocation besides the mode's join state.
    [ThreadStatic]
    private static Scratch? modeFields;

    [ThreadStatic]
    private static Scratch? result;

    /// <summary>
    /// Writes the result. The mode's fields are copied as the serializer wrote them, not parsed into a document and
    /// written again: in a burst of quick joins the result was a sixth of the server's work, and that pass a third of it.
    /// </summary>
    public static JsonPayload Write(IRoom room, string playerId, int capacity, object joinState)
    {
        var modeJson = Reset(ref modeFields);
        JsonSerializer.Serialize(modeJson.Json, joinState, joinState.GetType(), RoomJson.Options);
        modeJson.Json.Flush();

        var (buffer, json) = Reset(ref result);
        json.WriteStartObject();
        json.WriteString("roomId", room.Id);
        json.WriteString("playerId", playerId);
        json.WriteNumber("capacity", capacity);
        json.WriteBoolean("isPrivate", room.IsPrivate);
        json.WriteStartArray("roster");
        foreach (var member in room.Members)
        {
            json.WriteStartObject();
            json.WriteString("playerId", member.PlayerId);
            json.WriteString("name", member.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        CopyModeFields(modeJson.Buffer.WrittenSpan, json);
        json.WriteString("mode", room.Mode);
        json.WriteEndObject();
        json.Flush();
        return new JsonPayload(buffer.WrittenSpan.ToArray());
    }

    private static Scratch Reset(ref Scratch? pair)
    {
        if (pair is not { } reused || reused.Buffer.Capacity > MaxKept)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            reused = (buffer, new Utf8JsonWriter(buffer, WriterOptions));
            pair = reused;
        }

        reused.Buffer.ResetWrittenCount();
        reused.Json.Reset(reused.Buffer);
        return reused;
    }

    /// <summary>The top-level fields of the mode's object, but the host's; nothing when its state is not an object.</summary>
    private static void CopyModeFields(ReadOnlySpan<byte> modeJson, Utf8JsonWriter json)
    {
        var reader = new Utf8JsonReader(modeJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var hostField = IsHostField(ref reader);
            if (!hostField)
            {
                if (reader.ValueIsEscaped)
                {
                    json.WritePropertyName(reader.GetString()!);
                }
                else
                {
                    json.WritePropertyName(reader.ValueSpan);
                }
            }

            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (!hostField)
            {
                // The serializer's own output with the same encoder: valid, and escaped as this writer would escape it.
                var value = modeJson[start..(int)reader.BytesConsumed];
                json.WriteRawValue(value, skipInputValidation: true);
            }
        }
    }

    private static bool IsHostField(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("roomId"u8) || reader.ValueTextEquals("playerId"u8)
        || reader.ValueTextEquals("capacity"u8) || reader.ValueTextEquals("isPrivate"u8)
        || reader.ValueTextEquals("roster"u8) || reader.ValueTextEquals("mode"u8);
}

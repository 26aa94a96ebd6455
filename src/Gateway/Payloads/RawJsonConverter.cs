using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGame.Gateway.Payloads;

/// <summary>
/// Writes a <see cref="RawJson"/> as its text, unchanged (the room already serialised it), and reads any JSON value
/// into one, nested at most <see cref="RawJsonFormatter.MaxDepth"/> deep like its MessagePack counterpart.
/// </summary>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    /// <inheritdoc/>
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
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
}

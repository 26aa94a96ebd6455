using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansGame.FourInARow.Rules;

namespace OrleansGame.FourInARow.Wire;

/// <summary>
/// Reads a column number, 0 to 6: anything else fails to read, so the room refuses the message with the rule's code
/// (<c>invalid_argument</c>) before the game sees it.
/// </summary>
public sealed class ColumnConverter : JsonConverter<int>
{
    /// <inheritdoc />
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var column) || column is < 0 or >= Board.Columns)
        {
            throw new JsonException($"a column is a whole number from 0 to {Board.Columns - 1}");
        }

        return column;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}

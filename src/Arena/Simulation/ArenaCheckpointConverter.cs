using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGame.Arena.Simulation;

/// <summary>
/// Writes an <see cref="ArenaSimulation"/> as its <see cref="ArenaCheckpoint"/> and reads one back, so the arena's
/// fields stay private and its stored shape is declared in one place.
/// </summary>
internal sealed class ArenaCheckpointConverter : JsonConverter<ArenaSimulation>
{
    /// <inheritdoc />
    public override ArenaSimulation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var checkpoint = JsonSerializer.Deserialize<ArenaCheckpoint>(ref reader, options)
            ?? throw new JsonException("an arena checkpoint cannot be null");
        return ArenaSimulation.Restore(checkpoint);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ArenaSimulation value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Capture(), options);
}

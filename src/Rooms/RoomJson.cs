using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansGame.Rooms;

/// <summary>
/// How the host writes and reads a mode's JSON: payloads both ways, state sent to clients, and the checkpoint.
/// camelCase names, null members left out, numbers as numbers, and text escaped only where JSON requires it: the same
/// bytes the hub's JSON protocol writes, so a message reads the same whether a mode or the hub serialised it.
/// </summary>
public static class RoomJson
{
    /// <summary>The serializer options for everything a mode exchanges with the host.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            IncludeFields = false,
            MaxDepth = 32,

            // The hub's JSON protocol writes "Zoë" and "<b>" as they are; the default encoder would write \u00EB.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

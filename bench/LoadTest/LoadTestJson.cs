using System.Text.Json;

namespace OrleansGame.LoadTest;

/// <summary>The JSON settings of the reports and of the coordinator-worker messages.</summary>
internal static class LoadTestJson
{
    /// <summary>camelCase, indented off (one line per message), named floating-point literals allowed (NaN for empty).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>As <see cref="Options"/>, indented, for files.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}

using System.Text.Json.Serialization;

namespace OrleansGame.FourInARow.Wire;

/// <summary>A <c>Drop</c> from a client: <c>{"column": 0..6}</c>. A missing or out-of-range column does not read.</summary>
/// <param name="Column">The column to drop a disc into, 0 (left) to 6 (right).</param>
public sealed record DropMessage(
    [property: JsonRequired, JsonConverter(typeof(ColumnConverter))] int Column);

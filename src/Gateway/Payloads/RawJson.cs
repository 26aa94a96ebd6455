using System.Text;
using System.Text.Json.Serialization;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Payloads;

/// <summary>
/// A JSON value the gateway carries without knowing its type: a mode's payload from a client, or a join result, state
/// or message from a room. The JSON protocol writes and reads it as it is (<see cref="RawJsonConverter"/>); the
/// MessagePack protocol converts it to and from a MessagePack value (<see cref="RawJsonFormatter"/>).
/// </summary>
/// <param name="utf8">The JSON text, as UTF-8; never modified after it is made.</param>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed class RawJson(byte[] utf8)
{
    /// <summary>The JSON text, as UTF-8.</summary>
    public byte[] Utf8 { get; } = utf8;

    /// <summary>Whether the value is a JSON object (its text starts with <c>{</c>, once leading whitespace is skipped).</summary>
    public bool IsObject => Utf8.AsSpan().TrimStart(" \t\r\n"u8) is [(byte)'{', ..];

    /// <summary>The payload a room receives or sent, sharing the same bytes.</summary>
    public static RawJson From(JsonPayload payload) => new(payload.Utf8);

    /// <summary>The same bytes as a payload for a grain.</summary>
    public JsonPayload ToPayload() => new(Utf8);

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8);
}

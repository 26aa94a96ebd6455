using System.Text;
using System.Text.Json;
using CsCheck;
using OrleansGame.Gateway.Payloads;

namespace OrleansGame.Gateway.Tests.Payloads;

/// <summary>A mode's JSON through the hub's JSON protocol: written as it is, read as any value.</summary>
public sealed class RawJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Write_AnyValue_IsItsTextUnchanged() =>
        JsonGen.Value.Sample(json =>
        {
            var written = JsonSerializer.Serialize(new { arguments = new object[] { "Chat", new RawJson(Encoding.UTF8.GetBytes(json)) } }, Options);

            return written == "{\"arguments\":[\"Chat\"," + json + "]}";
        }, iter: 1_000);

    [Fact]
    public void Read_AnyValueInsideAMessage_IsItsText() =>
        JsonGen.Value.Sample(json =>
        {
            var read = JsonSerializer.Deserialize<Arguments>("{\"type\":\"x\",\"payload\": " + json + " ,\"after\":1}", Options)!;

            return read.Payload?.ToString() == json && read.After == 1 || json == "null" && read.Payload is null;
        }, iter: 1_000);

    [Fact]
    public void Read_AnyValueWithWhitespaceInside_IsItsText() =>
        JsonGen.Value.Select(static json => json.Replace(",", " , ", StringComparison.Ordinal).Replace("[", "[ ", StringComparison.Ordinal)).Sample(json =>
        {
            var read = JsonSerializer.Deserialize<Arguments>("{\"type\":\"x\",\"payload\":" + json + ",\"after\":1}", Options)!;

            return read.Payload?.ToString() == json && read.After == 1 || json == "null" && read.Payload is null;
        }, iter: 1_000);

    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("  {}", true)]
    [InlineData("[{}]", false)]
    [InlineData("\"{}\"", false)]
    [InlineData("12", false)]
    public void IsObject_TellsAnObjectFromAnyOtherValue(string json, bool expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<Arguments>("{\"payload\":" + json + "}", Options)!.Payload!.IsObject);

    [Fact]
    public void Read_NestedThirtyTwoDeep_IsAccepted_ThirtyThreeIsNot()
    {
        static string Nested(int depth) => "{\"payload\":" + new string('[', depth) + new string(']', depth) + "}";

        Assert.NotNull(JsonSerializer.Deserialize<Arguments>(Nested(RawJsonFormatter.MaxDepth), Options)!.Payload);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Arguments>(Nested(RawJsonFormatter.MaxDepth + 1), Options));
    }

    [Fact]
    public void Read_NestedThirtyTwoDeepWithWhitespace_IsAccepted_ThirtyThreeIsNot()
    {
        static string Nested(int depth) => "{\"payload\":" + string.Concat(Enumerable.Repeat("[ ", depth)) + string.Concat(Enumerable.Repeat(" ]", depth)) + "}";

        Assert.NotNull(JsonSerializer.Deserialize<Arguments>(Nested(RawJsonFormatter.MaxDepth), Options)!.Payload);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Arguments>(Nested(RawJsonFormatter.MaxDepth + 1), Options));
    }

    private sealed record Arguments(string? Type, RawJson? Payload, int After);
}

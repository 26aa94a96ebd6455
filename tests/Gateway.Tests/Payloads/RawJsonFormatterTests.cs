using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using MessagePack;
using MessagePack.Resolvers;
using OrleansGame.Arena.Wire;
using OrleansGame.Gateway.Payloads;

namespace OrleansGame.Gateway.Tests.Payloads;

/// <summary>A mode's JSON to MessagePack and back, as the hub's MessagePack protocol carries it.</summary>
public sealed class RawJsonFormatterTests
{
    /// <summary>The gateway's composition: the formatter before the protocol's own resolver.</summary>
    private static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create([RawJsonFormatter.Instance], [ContractlessStandardResolver.Instance]))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    [Fact]
    public void JsonToMessagePackToJson_AnyValue_KeepsItsMeaning() =>
        JsonGen.Value.Sample(json =>
        {
            // A top-level null is nil, which reads back as no payload at all.
            var back = FromMessagePack(ToMessagePack(json))?.ToString() ?? "null";
            using var expected = JsonDocument.Parse(json);
            using var actual = JsonDocument.Parse(back);
            return JsonElement.DeepEquals(expected.RootElement, actual.RootElement);
        }, iter: 2_000);

    [Fact]
    public void MessagePackToJsonToMessagePack_AnyValue_GivesTheSameBytes() =>
        JsonGen.Value.Sample(json =>
        {
            // Once in MessagePack form, a value's JSON text and its MessagePack bytes determine each other.
            var once = ToMessagePack(json);
            var twice = ToMessagePack(FromMessagePack(once)?.ToString() ?? "null");
            return once.AsSpan().SequenceEqual(twice);
        }, iter: 2_000);

    [Theory]
    [InlineData("17", MessagePackType.Integer)]
    [InlineData("-9223372036854775808", MessagePackType.Integer)]
    [InlineData("1.0", MessagePackType.Integer)]
    [InlineData("2e3", MessagePackType.Integer)]
    [InlineData("0.5", MessagePackType.Float)]
    [InlineData("9223372036854775808", MessagePackType.Integer)]
    [InlineData("18446744073709551616", MessagePackType.Float)]
    [InlineData("1e300", MessagePackType.Float)]
    [InlineData("5e-324", MessagePackType.Float)]
    [InlineData("\"x\"", MessagePackType.String)]
    [InlineData("true", MessagePackType.Boolean)]
    [InlineData("null", MessagePackType.Nil)]
    [InlineData("[1]", MessagePackType.Array)]
    [InlineData("{\"a\":1}", MessagePackType.Map)]
    public void Serialize_JsonValue_HasTheMessagePackTypeOfItsKind(string json, MessagePackType expected)
    {
        var reader = new MessagePackReader(ToMessagePack(json));

        Assert.Equal(expected, reader.NextMessagePackType);
    }

    [Fact]
    public void Serialize_ArenaSnapshotJson_ReadsBackIntoTheArenaTypeAsADotNetClientWould()
    {
        var snapshot = new Snapshot("r1", 7, 1_700_000_000_000, "playing", 42_000,
            [new PlayerState("p1", 10, 20.5, 3, 5, 12, Away: false)], [new OrbState(1, 30, 40.25)]);
        var json = JsonSerializer.Serialize(snapshot, Rooms.RoomJson.Options);

        var read = MessagePackSerializer.Deserialize<Snapshot>(ToMessagePack(json), MessagePackSerializerOptions.Standard
            .WithResolver(ContractlessStandardResolver.Instance), TestContext.Current.CancellationToken);

        Assert.Equal(snapshot with { Players = [], Orbs = [] }, read with { Players = [], Orbs = [] });
        Assert.Equal(snapshot.Players, read.Players);
        Assert.Equal(snapshot.Orbs, read.Orbs);
    }

    [Fact]
    public void Deserialize_ADotNetClientsInput_IsItsJson()
    {
        var bytes = MessagePackSerializer.Serialize(new InputMessage(3, 0.5, -1), MessagePackSerializerOptions.Standard
            .WithResolver(ContractlessStandardResolver.Instance), TestContext.Current.CancellationToken);

        var json = MessagePackSerializer.Deserialize<RawJson>(bytes, Options, TestContext.Current.CancellationToken);

        Assert.Equal("""{"seq":3,"dx":0.5,"dy":-1}""", json!.ToString());
    }

    [Fact]
    public void Deserialize_NonAsciiText_IsWrittenAsUtf8NotEscaped()
    {
        var json = FromMessagePack(Write(static (ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(1);
            w.Write("text");
            w.Write("héllo <b> \"q\" \u0001");
        }))!;

        Assert.Equal("{\"text\":\"héllo <b> \\\"q\\\" \\u0001\"}", json.ToString());
    }

    [Fact]
    public void Deserialize_Nil_IsNull() => Assert.Null(MessagePackSerializer.Deserialize<RawJson>(Write(static (ref MessagePackWriter w) => w.WriteNil()), Options, TestContext.Current.CancellationToken));

    [Fact]
    public void Deserialize_NestedThirtyTwoDeep_IsAccepted()
    {
        var json = FromMessagePack(Nested(RawJsonFormatter.MaxDepth))!;

        Assert.Equal(new string('[', 32) + new string(']', 32), json.ToString());
    }

    public static TheoryData<string, byte[]> NotJson() => new()
    {
        { "binary", Write(static (ref MessagePackWriter w) => w.Write(new byte[] { 1, 2 })) },
        { "timestamp extension", Write(static (ref MessagePackWriter w) => w.Write(DateTime.UnixEpoch)) },
        { "integer map key", Write(static (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1); w.Write(2); }) },
        { "nil map key", Write(static (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.WriteNil(); w.Write(2); }) },
        { "NaN", Write(static (ref MessagePackWriter w) => w.Write(double.NaN)) },
        { "infinity (float32)", Write(static (ref MessagePackWriter w) => w.Write(float.PositiveInfinity)) },
        { "not UTF-8", Write(static (ref MessagePackWriter w) => w.WriteString(new byte[] { 0xC3, 0x28 })) },
        { "33 deep", Nested(RawJsonFormatter.MaxDepth + 1) },
        { "map 33 deep", Write(static (ref MessagePackWriter w) => { for (var i = 0; i < 33; i++) { w.WriteMapHeader(1); w.Write("a"); } w.Write(1); }) },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public void Deserialize_WhatJsonCannotSay_IsRefusedAsUnbindable(string what, byte[] bytes)
    {
        var error = Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize<RawJson>(bytes, Options, TestContext.Current.CancellationToken));

        Assert.NotNull(what);
        Assert.NotNull(error);
    }

    private static byte[] ToMessagePack(string json) => MessagePackSerializer.Serialize(new RawJson(Encoding.UTF8.GetBytes(json)), Options, TestContext.Current.CancellationToken);

    private static RawJson? FromMessagePack(byte[] bytes) => MessagePackSerializer.Deserialize<RawJson>(bytes, Options, TestContext.Current.CancellationToken);

    private static byte[] Nested(int depth) => Write((ref MessagePackWriter w) =>
    {
        for (var i = 0; i < depth; i++)
        {
            w.WriteArrayHeader(i == depth - 1 ? 0 : 1);
        }
    });

    private delegate void Writing(ref MessagePackWriter writer);

    private static byte[] Write(Writing write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MessagePack;

namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// Writes the few hub messages a bot sends (the handshake; <c>JoinRoom</c>, <c>Input</c>, <c>Pong</c> invocations),
/// framed for the JSON or the MessagePack hub protocol, into buffers it reuses: each result is valid until the next
/// call. Not thread-safe: one writer per connection, used under its send lock.
/// </summary>
internal sealed class HubMessageWriter
{
    private readonly ArrayBufferWriter<byte> body = new(256);
    private readonly ArrayBufferWriter<byte> framed = new(256);
    private readonly Utf8JsonWriter? json;
    private readonly byte[] digits = new byte[20];

    /// <summary>A writer for the given protocol.</summary>
    public HubMessageWriter(bool messagePack)
    {
        json = messagePack ? null : new Utf8JsonWriter(framed, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The handshake request, JSON in both protocols.</summary>
    public static byte[] Handshake(bool messagePack) =>
        messagePack ? [.. "{\"protocol\":\"messagepack\",\"version\":1}"u8, HubFrameBuffer.RecordSeparator] : [.. "{\"protocol\":\"json\",\"version\":1}"u8, HubFrameBuffer.RecordSeparator];

    /// <summary>A non-blocking <c>Input</c> invocation: <c>{seq, dx, dy}</c>.</summary>
    public ReadOnlyMemory<byte> Input(long seq, double dx, double dy)
    {
        if (json is { } writer)
        {
            Begin(writer, null, "Input"u8);
            writer.WriteStartObject();
            writer.WriteNumber("seq"u8, seq);
            writer.WriteNumber("dx"u8, dx);
            writer.WriteNumber("dy"u8, dy);
            writer.WriteEndObject();
            return End(writer);
        }

        var pack = BeginPack(null, "Input"u8);
        pack.WriteMapHeader(3);
        pack.WriteString("seq"u8);
        pack.Write(seq);
        pack.WriteString("dx"u8);
        pack.Write(dx);
        pack.WriteString("dy"u8);
        pack.Write(dy);
        return EndPack(ref pack);
    }

    /// <summary>A non-blocking <c>Pong</c> invocation answering the game ping <paramref name="seq"/>.</summary>
    public ReadOnlyMemory<byte> Pong(long seq)
    {
        if (json is { } writer)
        {
            Begin(writer, null, "Pong"u8);
            writer.WriteStartObject();
            writer.WriteNumber("seq"u8, seq);
            writer.WriteEndObject();
            return End(writer);
        }

        var pack = BeginPack(null, "Pong"u8);
        pack.WriteMapHeader(1);
        pack.WriteString("seq"u8);
        pack.Write(seq);
        return EndPack(ref pack);
    }

    /// <summary>A <c>JoinRoom</c> invocation asking for quick join (<c>{roomId: null}</c>), answered by a completion of <paramref name="invocationId"/>.</summary>
    public ReadOnlyMemory<byte> QuickJoin(long invocationId)
    {
        if (json is { } writer)
        {
            Begin(writer, invocationId, "JoinRoom"u8);
            writer.WriteStartObject();
            writer.WriteNull("roomId"u8);
            writer.WriteEndObject();
            return End(writer);
        }

        var pack = BeginPack(invocationId, "JoinRoom"u8);
        pack.WriteMapHeader(1);
        pack.WriteString("roomId"u8);
        pack.WriteNil();
        return EndPack(ref pack);
    }

    private void Begin(Utf8JsonWriter writer, long? invocationId, ReadOnlySpan<byte> target)
    {
        framed.ResetWrittenCount();
        writer.Reset(framed);
        writer.WriteStartObject();
        writer.WriteNumber("type"u8, 1);
        if (invocationId is { } id)
        {
            id.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            writer.WriteString("invocationId"u8, digits.AsSpan(0, written));
        }

        writer.WriteString("target"u8, target);
        writer.WriteStartArray("arguments"u8);
    }

    private ReadOnlyMemory<byte> End(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        framed.GetSpan(1)[0] = HubFrameBuffer.RecordSeparator;
        framed.Advance(1);
        return framed.WrittenMemory;
    }

    // [1, headers, invocationId, target, arguments]: the arguments array holds one value, written next.
    private MessagePackWriter BeginPack(long? invocationId, ReadOnlySpan<byte> target)
    {
        body.ResetWrittenCount();
        var pack = new MessagePackWriter(body);
        pack.WriteArrayHeader(5);
        pack.Write(1);
        pack.WriteMapHeader(0);
        if (invocationId is { } id)
        {
            id.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            pack.WriteString(digits.AsSpan(0, written));
        }
        else
        {
            pack.WriteNil();
        }

        pack.WriteString(target);
        pack.WriteArrayHeader(1);
        return pack;
    }

    private ReadOnlyMemory<byte> EndPack(ref MessagePackWriter pack)
    {
        pack.Flush();
        framed.ResetWrittenCount();
        var prefix = HubFrameBuffer.WriteLength(framed.GetSpan(5), body.WrittenCount);
        framed.Advance(prefix);
        framed.Write(body.WrittenSpan);
        return framed.WrittenMemory;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MessagePack;

namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// Reads one SignalR frame (JSON or MessagePack hub protocol, version 1) into a <see cref="HubMessage"/>: the message
/// type, and for the game's <c>Snapshot</c>, <c>Ping</c>, <c>Error</c> and <c>Closing</c> the fields a bot uses; a
/// <c>Keyframe</c> or <c>Delta</c> of compact state is applied to the bot's <see cref="CompactState"/> and read as the
/// snapshot it stands for. Other fields and messages are skipped without being materialised. Throws
/// <see cref="InvalidDataException"/> for a frame that is not a hub message.
/// </summary>
internal static class HubMessageReader
{
    /// <summary>
    /// Reads <paramref name="frame"/>; <paramref name="ownPlayerId"/> (UTF-8) picks the bot's own entry of a snapshot.
    /// With <paramref name="compact"/>, compact state is read into it (else a <c>Keyframe</c> or <c>Delta</c> is
    /// <see cref="HubMessageKind.Other"/>).
    /// </summary>
    public static void Read(ReadOnlyMemory<byte> frame, bool messagePack, ReadOnlySpan<byte> ownPlayerId, ref HubMessage message, CompactState? compact = null)
    {
        message.Clear();
        try
        {
            if (messagePack)
            {
                ReadMessagePack(frame, ownPlayerId, ref message, compact);
            }
            else
            {
                ReadJson(frame.Span, ownPlayerId, ref message, compact);
            }
        }
        catch (Exception ex) when (ex is JsonException or MessagePackSerializationException or EndOfStreamException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"not a hub message: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the handshake response (JSON in both protocols): null when it accepts, else its error.</summary>
    public static string? ReadHandshake(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                return reader.GetString() ?? "handshake refused";
            }

            reader.Read();
            reader.Skip();
        }

        return null;
    }

    private static void ReadJson(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> own, ref HubMessage message, CompactState? compact)
    {
        var reader = new Utf8JsonReader(frame);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "a JSON object");
        var type = -1;
        var target = HubMessageKind.Other;
        var arguments = default(Utf8JsonReader);
        var hasArguments = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = TargetOf(reader.ValueSpan);
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                message.InvocationId = long.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                message.Text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                // The server writes the target first; a writer that did not is still read right, in a second pass.
                arguments = reader;
                hasArguments = true;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        message.Kind = type switch
        {
            1 => target,
            3 => HubMessageKind.Completion,
            6 => HubMessageKind.KeepAlive,
            7 => HubMessageKind.Close,
            -1 => throw new InvalidDataException("a hub message without a type"),
            _ => HubMessageKind.Other,
        };
        if (message.Kind is HubMessageKind.Keyframe or HubMessageKind.Delta)
        {
            if (compact is null || !hasArguments)
            {
                message.Kind = HubMessageKind.Other;
                return;
            }

            if (message.Kind == HubMessageKind.Keyframe)
            {
                compact.ReadKeyframe(ref arguments, own);
            }
            else
            {
                compact.ReadDelta(ref arguments, own);
            }

            compact.CopyTo(ref message);
            return;
        }

        if (hasArguments && message.Kind is HubMessageKind.Snapshot or HubMessageKind.GamePing or HubMessageKind.Error or HubMessageKind.Closing)
        {
            var argument = arguments;
            Expect(argument.TokenType == JsonTokenType.StartArray && argument.Read() && argument.TokenType == JsonTokenType.StartObject, "an object argument");
            ReadJsonArgument(ref argument, own, ref message);
        }
    }

    private static void ReadJsonArgument(ref Utf8JsonReader reader, ReadOnlySpan<byte> own, ref HubMessage message)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(reader.ValueSpan, message.Kind);
            reader.Read();
            switch (field)
            {
                case Field.Tick:
                    message.Tick = JsonNumber(ref reader);
                    break;
                case Field.ServerTime:
                    message.ServerTime = JsonNumber(ref reader);
                    break;
                case Field.Seq:
                    message.PingSeq = JsonNumber(ref reader);
                    break;
                case Field.Text:
                    message.Text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case Field.Players when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadJsonPlayer(ref reader, own, ref message);
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadJsonPlayer(ref Utf8JsonReader reader, ReadOnlySpan<byte> own, ref HubMessage message)
    {
        bool mine = false;
        long ackSeq = 0, rtt = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("playerId"u8))
            {
                reader.Read();
                mine = reader.ValueTextEquals(own);
            }
            else if (reader.ValueTextEquals("ackSeq"u8))
            {
                reader.Read();
                ackSeq = JsonNumber(ref reader);
            }
            else if (reader.ValueTextEquals("rttMs"u8))
            {
                reader.Read();
                rtt = JsonNumber(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (mine)
        {
            (message.HasOwn, message.AckSeq, message.RttMs) = (true, ackSeq, (int)rtt);
        }
    }

    private static long JsonNumber(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.Number ? 0 : reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();

    private static void ReadMessagePack(ReadOnlyMemory<byte> frame, ReadOnlySpan<byte> own, ref HubMessage message, CompactState? compact)
    {
        var reader = new MessagePackReader(frame);
        var items = reader.ReadArrayHeader();
        Expect(items >= 1, "a MessagePack array");
        var type = reader.ReadInt32();
        switch (type)
        {
            case 1:
                SkipHeaders(ref reader);
                if (!reader.TryReadNil())
                {
                    reader.Skip();
                }

                message.Kind = TargetOf(StringOf(ref reader));
                var count = reader.ReadArrayHeader();
                if (message.Kind is HubMessageKind.Keyframe or HubMessageKind.Delta)
                {
                    if (compact is null)
                    {
                        message.Kind = HubMessageKind.Other;
                    }
                    else
                    {
                        if (message.Kind == HubMessageKind.Keyframe)
                        {
                            compact.ReadKeyframe(ref reader, count, own);
                        }
                        else
                        {
                            compact.ReadDelta(ref reader, count, own);
                        }

                        compact.CopyTo(ref message);
                    }
                }
                else if (count > 0 && message.Kind != HubMessageKind.Other)
                {
                    ReadMessagePackArgument(ref reader, own, ref message);
                }

                break;
            case 3:
                message.Kind = HubMessageKind.Completion;
                SkipHeaders(ref reader);
                message.InvocationId = long.TryParse(StringOf(ref reader), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
                if (reader.ReadInt32() == 1)
                {
                    message.Text = reader.ReadString();
                }

                break;
            case 6:
                message.Kind = HubMessageKind.KeepAlive;
                break;
            case 7:
                message.Kind = HubMessageKind.Close;
                message.Text = items > 1 && !reader.TryReadNil() ? reader.ReadString() : null;
                break;
            default:
                message.Kind = HubMessageKind.Other;
                break;
        }
    }

    private static void ReadMessagePackArgument(ref MessagePackReader reader, ReadOnlySpan<byte> own, ref HubMessage message)
    {
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            switch (FieldOf(StringOf(ref reader), message.Kind))
            {
                case Field.Tick:
                    message.Tick = PackNumber(ref reader);
                    break;
                case Field.ServerTime:
                    message.ServerTime = PackNumber(ref reader);
                    break;
                case Field.Seq:
                    message.PingSeq = PackNumber(ref reader);
                    break;
                case Field.Text:
                    message.Text = reader.TryReadNil() ? null : reader.ReadString();
                    break;
                case Field.Players when reader.NextMessagePackType == MessagePackType.Array:
                    var players = reader.ReadArrayHeader();
                    for (var p = 0; p < players; p++)
                    {
                        ReadMessagePackPlayer(ref reader, own, ref message);
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadMessagePackPlayer(ref MessagePackReader reader, ReadOnlySpan<byte> own, ref HubMessage message)
    {
        bool mine = false;
        long ackSeq = 0, rtt = 0;
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            var name = StringOf(ref reader);
            if (name.SequenceEqual("playerId"u8))
            {
                if (reader.NextMessagePackType == MessagePackType.String)
                {
                    mine = StringOf(ref reader).SequenceEqual(own);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (name.SequenceEqual("ackSeq"u8))
            {
                ackSeq = PackNumber(ref reader);
            }
            else if (name.SequenceEqual("rttMs"u8))
            {
                rtt = PackNumber(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (mine)
        {
            (message.HasOwn, message.AckSeq, message.RttMs) = (true, ackSeq, (int)rtt);
        }
    }

    // Numbers may come in any width, integer or float (the protocol says to read numbers as numbers).
    internal static long PackNumber(ref MessagePackReader reader) => reader.NextMessagePackType switch
    {
        MessagePackType.Integer => reader.ReadInt64(),
        MessagePackType.Float => (long)reader.ReadDouble(),
        _ => SkipZero(ref reader),
    };

    private static long SkipZero(ref MessagePackReader reader)
    {
        reader.Skip();
        return 0;
    }

    private static void SkipHeaders(ref MessagePackReader reader)
    {
        var headers = reader.ReadMapHeader();
        for (var i = 0; i < headers * 2; i++)
        {
            reader.Skip();
        }
    }

    // A string's UTF-8 bytes, contiguous (the frame is one buffer); empty for nil.
    internal static ReadOnlySpan<byte> StringOf(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return default;
        }

        if (reader.TryReadStringSpan(out var span))
        {
            return span;
        }

        return reader.ReadStringSequence() is { } sequence ? sequence.ToArray() : default;
    }

    private static HubMessageKind TargetOf(ReadOnlySpan<byte> target) =>
        target.SequenceEqual("Snapshot"u8) ? HubMessageKind.Snapshot
        : target.SequenceEqual("Ping"u8) ? HubMessageKind.GamePing
        : target.SequenceEqual("Error"u8) ? HubMessageKind.Error
        : target.SequenceEqual("Closing"u8) ? HubMessageKind.Closing
        : target.SequenceEqual("Delta"u8) ? HubMessageKind.Delta
        : target.SequenceEqual("Keyframe"u8) ? HubMessageKind.Keyframe
        : HubMessageKind.Other;

    private static Field FieldOf(ReadOnlySpan<byte> name, HubMessageKind kind) => kind switch
    {
        HubMessageKind.Snapshot when name.SequenceEqual("tick"u8) => Field.Tick,
        HubMessageKind.Snapshot when name.SequenceEqual("serverTime"u8) => Field.ServerTime,
        HubMessageKind.Snapshot when name.SequenceEqual("players"u8) => Field.Players,
        HubMessageKind.GamePing when name.SequenceEqual("seq"u8) => Field.Seq,
        HubMessageKind.GamePing when name.SequenceEqual("serverTime"u8) => Field.ServerTime,
        HubMessageKind.Error when name.SequenceEqual("code"u8) => Field.Text,
        HubMessageKind.Closing when name.SequenceEqual("reason"u8) => Field.Text,
        _ => Field.None,
    };

    private static void Expect(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidDataException($"expected {what}");
        }
    }

    /// <summary>A field of an argument that a bot reads.</summary>
    private enum Field
    {
        None,
        Tick,
        ServerTime,
        Players,
        Seq,
        Text,
    }
}

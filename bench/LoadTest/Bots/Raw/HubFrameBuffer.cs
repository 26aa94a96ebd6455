namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// The bytes one WebSocket has received and not yet read, cut into SignalR frames: JSON messages end with the record
/// separator (0x1e), MessagePack messages start with their length as a varint. A frame may arrive split over several
/// receives, and one receive may hold several frames; the buffer grows to the largest frame and is reused.
/// </summary>
internal sealed class HubFrameBuffer(bool messagePack, int initialSize = 4096)
{
    /// <summary>The JSON record separator that ends every JSON frame (and the handshake in both protocols).</summary>
    public const byte RecordSeparator = 0x1e;

    // The largest frame accepted: far above a snapshot of a full room, far below what would exhaust the generator.
    private const int MaxFrame = 1 << 20;

    private byte[] buffer = new byte[initialSize];
    private int start;
    private int end;

    /// <summary>Whether frames are MessagePack (length-prefixed); false before the handshake has been read.</summary>
    public bool MessagePack { get; set; } = messagePack;

    /// <summary>Bytes received and not yet read as a frame.</summary>
    public int Pending => end - start;

    /// <summary>Where the next receive writes: at least <paramref name="minimum"/> free bytes.</summary>
    public Memory<byte> GetReceiveMemory(int minimum = 2048)
    {
        if (start == end)
        {
            start = end = 0;
        }

        if (buffer.Length - end < minimum)
        {
            // Move the unread part to the front, and grow when that does not free enough.
            var unread = end - start;
            var target = unread + minimum > buffer.Length ? new byte[Math.Max(buffer.Length * 2, unread + minimum)] : buffer;
            Buffer.BlockCopy(buffer, start, target, 0, unread);
            buffer = target;
            start = 0;
            end = unread;
        }

        return buffer.AsMemory(end);
    }

    /// <summary>Counts <paramref name="count"/> bytes written by the last receive into <see cref="GetReceiveMemory"/>.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - end);
        end += count;
    }

    /// <summary>Appends <paramref name="bytes"/> as if received (tests, and the handshake's leftover).</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetReceiveMemory(bytes.Length).Span);
        Advance(bytes.Length);
    }

    /// <summary>
    /// The next whole frame (without its separator or its length prefix), valid until the next call on this buffer;
    /// false when the bytes received so far end inside a frame. Throws <see cref="InvalidDataException"/> for a frame
    /// longer than 1 MiB or a malformed length.
    /// </summary>
    public bool TryRead(out ReadOnlyMemory<byte> frame)
    {
        var unread = buffer.AsSpan(start, end - start);
        if (MessagePack)
        {
            if (!TryReadLength(unread, out var length, out var prefix) || unread.Length - prefix < length)
            {
                frame = default;
                return false;
            }

            frame = buffer.AsMemory(start + prefix, length);
            start += prefix + length;
            return true;
        }

        var separator = unread.IndexOf(RecordSeparator);
        if (separator < 0)
        {
            if (unread.Length > MaxFrame)
            {
                throw new InvalidDataException($"a JSON frame longer than {MaxFrame} bytes");
            }

            frame = default;
            return false;
        }

        frame = buffer.AsMemory(start, separator);
        start += separator + 1;
        return true;
    }

    /// <summary>Writes <paramref name="length"/> as SignalR's MessagePack length prefix (a varint, 7 bits a byte, low first); returns its size.</summary>
    public static int WriteLength(Span<byte> destination, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var i = 0;
        var value = (uint)length;
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            destination[i++] = value == 0 ? b : (byte)(b | 0x80);
        }
        while (value != 0);
        return i;
    }

    /// <summary>Reads a varint length prefix; false when <paramref name="data"/> ends inside it.</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> data, out int length, out int prefix)
    {
        uint value = 0;
        for (var i = 0; i < 5; i++)
        {
            if (i == data.Length)
            {
                (length, prefix) = (0, 0);
                return false;
            }

            var b = data[i];
            value |= (uint)(b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (value > MaxFrame)
                {
                    throw new InvalidDataException($"a MessagePack frame of {value} bytes: more than {MaxFrame}");
                }

                (length, prefix) = ((int)value, i + 1);
                return true;
            }
        }

        throw new InvalidDataException("a MessagePack length prefix longer than 5 bytes");
    }
}

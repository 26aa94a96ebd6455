using MessagePack;

namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>Compact state in the MessagePack hub protocol (maps and arrays announce their lengths).</summary>
internal sealed partial class CompactState
{
    /// <summary>Reads a keyframe's arguments (MessagePack), after the array header of <paramref name="count"/> arguments.</summary>
    public void ReadKeyframe(ref MessagePackReader reader, int count, ReadOnlySpan<byte> own)
    {
        Expect(count >= 4, "4 keyframe arguments");
        reader.Skip();
        (Tick, ServerTime) = (0, 0);
        players.Clear();
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            var name = HubMessageReader.StringOf(ref reader);
            if (name.SequenceEqual("tick"u8))
            {
                Tick = HubMessageReader.PackNumber(ref reader);
            }
            else if (name.SequenceEqual("serverTime"u8))
            {
                ServerTime = HubMessageReader.PackNumber(ref reader);
            }
            else if (name.SequenceEqual("players"u8) && reader.NextMessagePackType == MessagePackType.Array)
            {
                ReadPlayers(ref reader, own);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Skip();
        ForgetNames();
        var names = reader.ReadArrayHeader();
        for (var number = 0; number < names; number++)
        {
            Number(HubMessageReader.StringOf(ref reader), number);
        }

        HasKeyframe = true;
    }

    /// <summary>Reads a delta's arguments (MessagePack), after the array header of <paramref name="count"/> arguments.</summary>
    public void ReadDelta(ref MessagePackReader reader, int count, ReadOnlySpan<byte> own)
    {
        Expect(HasKeyframe, "a keyframe before a delta");
        Expect(count >= 1, "the delta");
        if (reader.NextMessagePackType == MessagePackType.Map)
        {
            // {}: nothing changed.
            reader.Skip();
            return;
        }

        var items = reader.ReadArrayHeader();
        Expect(items % 2 == 0, "pairs");
        for (var p = 0; p < items; p += 2)
        {
            var key = Key(ref reader);
            if (key == tickName)
            {
                Tick = Change(ref reader, Tick);
            }
            else if (key == serverTimeName)
            {
                ServerTime = Change(ref reader, ServerTime);
            }
            else if (key == playersName)
            {
                ChangePlayers(ref reader, own);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private int Key(ref MessagePackReader reader) =>
        reader.NextMessagePackType == MessagePackType.Integer ? reader.ReadInt32() : KeyOf(HubMessageReader.StringOf(ref reader));

    private void ReadPlayers(ref MessagePackReader reader, ReadOnlySpan<byte> own)
    {
        players.Clear();
        var count = reader.ReadArrayHeader();
        for (var i = 0; i < count; i++)
        {
            players.Add(ReadPlayer(ref reader, own));
        }
    }

    private static Entry ReadPlayer(ref MessagePackReader reader, ReadOnlySpan<byte> own)
    {
        var entry = default(Entry);
        var fields = reader.ReadMapHeader();
        for (var i = 0; i < fields; i++)
        {
            var name = HubMessageReader.StringOf(ref reader);
            if (name.SequenceEqual("playerId"u8))
            {
                entry.Mine = reader.NextMessagePackType == MessagePackType.String ? HubMessageReader.StringOf(ref reader).SequenceEqual(own) : SkipFalse(ref reader);
            }
            else if (name.SequenceEqual("ackSeq"u8))
            {
                entry.AckSeq = HubMessageReader.PackNumber(ref reader);
            }
            else if (name.SequenceEqual("rttMs"u8))
            {
                entry.RttMs = HubMessageReader.PackNumber(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return entry;
    }

    private void ChangePlayers(ref MessagePackReader reader, ReadOnlySpan<byte> own)
    {
        var items = reader.ReadArrayHeader();
        if (items == 1)
        {
            ReadPlayers(ref reader, own);
            return;
        }

        for (var p = 0; p < items; p += 2)
        {
            if (reader.NextMessagePackType == MessagePackType.String)
            {
                Expect(HubMessageReader.StringOf(ref reader).SequenceEqual("n"u8), "a length");
                Resize(reader.ReadInt32());
                continue;
            }

            var index = reader.ReadInt32();
            Expect(index < players.Count, "an entry's delta within the list");
            var changes = reader.ReadArrayHeader();
            if (changes == 1)
            {
                players[index] = ReadPlayer(ref reader, own);
                continue;
            }

            var entry = players[index];
            for (var c = 0; c < changes; c += 2)
            {
                var key = Key(ref reader);
                if (key == playerIdName)
                {
                    Expect(reader.ReadArrayHeader() == 1, "a replaced id");
                    entry.Mine = reader.NextMessagePackType == MessagePackType.String ? HubMessageReader.StringOf(ref reader).SequenceEqual(own) : SkipFalse(ref reader);
                }
                else if (key == ackSeqName)
                {
                    entry.AckSeq = Change(ref reader, entry.AckSeq);
                }
                else if (key == rttMsName)
                {
                    entry.RttMs = Change(ref reader, entry.RttMs);
                }
                else
                {
                    reader.Skip();
                }
            }

            players[index] = entry;
        }
    }

    private static long Change(ref MessagePackReader reader, long previous)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Integer or MessagePackType.Float:
                return previous + HubMessageReader.PackNumber(ref reader);
            case MessagePackType.Array:
                return reader.ReadArrayHeader() == 1 ? HubMessageReader.PackNumber(ref reader) : 0;
            default:
                reader.Skip();
                return 0;
        }
    }

    private static bool SkipFalse(ref MessagePackReader reader)
    {
        reader.Skip();
        return false;
    }
}

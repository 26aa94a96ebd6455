using System.Text.Json;

namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// What a bot keeps of the arena's compact state (docs/protocol.md, "Compact state"): the tick, the server time and,
/// per entry of the players list, whether it is the bot's own and its <c>ackSeq</c> and <c>rttMs</c>; nothing else
/// of the state is materialised. A <c>Keyframe</c> sets them, each <c>Delta</c> changes them, and after either the
/// bot reads them as it reads a full <c>Snapshot</c>. One per bot, used by its receive loop only. JSON here, MessagePack
/// in <c>CompactState.MessagePack.cs</c>.
/// </summary>
internal sealed partial class CompactState
{
    private readonly List<Entry> players = [];

    // The numbers the stream's names give the members a bot follows (-1: not among them).
    private int tickName = -1;
    private int serverTimeName = -1;
    private int playersName = -1;
    private int playerIdName = -1;
    private int ackSeqName = -1;
    private int rttMsName = -1;

    /// <summary>Whether a keyframe has been read: deltas apply to it.</summary>
    public bool HasKeyframe { get; private set; }

    /// <summary>The state's tick.</summary>
    public long Tick { get; private set; }

    /// <summary>The state's server time, Unix milliseconds.</summary>
    public long ServerTime { get; private set; }

    /// <summary>Entries in the players list.</summary>
    public int Players => players.Count;

    /// <summary>Copies the fields a bot uses into <paramref name="message"/>, as a snapshot.</summary>
    public void CopyTo(ref HubMessage message)
    {
        message.Kind = HubMessageKind.Snapshot;
        message.Tick = Tick;
        message.ServerTime = ServerTime;
        foreach (var entry in players)
        {
            if (entry.Mine)
            {
                (message.HasOwn, message.AckSeq, message.RttMs) = (true, entry.AckSeq, (int)entry.RttMs);
                return;
            }
        }
    }

    /// <summary>Reads a keyframe's arguments (JSON): <c>method, state, steps, names</c>, the reader on the array's start.</summary>
    public void ReadKeyframe(ref Utf8JsonReader reader, ReadOnlySpan<byte> own)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "the keyframe's arguments");
        reader.Skip();
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the keyframe's state");
        (Tick, ServerTime) = (0, 0);
        players.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("tick"u8))
            {
                Tick = Number(ref reader);
            }
            else if (name.SequenceEqual("serverTime"u8))
            {
                ServerTime = Number(ref reader);
            }
            else if (name.SequenceEqual("players"u8) && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadPlayers(ref reader, own);
            }
            else
            {
                reader.Skip();
            }
        }

        Expect(reader.Read(), "the keyframe's steps");
        reader.Skip();
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray, "the keyframe's names");
        ForgetNames();
        for (var number = 0; reader.Read() && reader.TokenType == JsonTokenType.String; number++)
        {
            Number(reader.ValueSpan, number);
        }

        HasKeyframe = true;
    }

    /// <summary>Reads a delta's arguments (JSON), the reader on the array's start.</summary>
    public void ReadDelta(ref Utf8JsonReader reader, ReadOnlySpan<byte> own)
    {
        Expect(HasKeyframe, "a keyframe before a delta");
        Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "the delta");
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // {}: nothing changed.
            reader.Skip();
            return;
        }

        Expect(reader.TokenType == JsonTokenType.StartArray, "pairs");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var key = Key(ref reader);
            reader.Read();
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

    private void ForgetNames() => tickName = serverTimeName = playersName = playerIdName = ackSeqName = rttMsName = -1;

    private void Number(ReadOnlySpan<byte> name, int number)
    {
        if (name.SequenceEqual("tick"u8))
        {
            tickName = number;
        }
        else if (name.SequenceEqual("serverTime"u8))
        {
            serverTimeName = number;
        }
        else if (name.SequenceEqual("players"u8))
        {
            playersName = number;
        }
        else if (name.SequenceEqual("playerId"u8))
        {
            playerIdName = number;
        }
        else if (name.SequenceEqual("ackSeq"u8))
        {
            ackSeqName = number;
        }
        else if (name.SequenceEqual("rttMs"u8))
        {
            rttMsName = number;
        }
    }

    // A member's key in pairs, as the number of the name: a name given as text is looked up (-2 when not followed).
    private int Key(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt32(),
        JsonTokenType.String => KeyOf(reader.ValueSpan),
        _ => throw new InvalidDataException("expected a member's key"),
    };

    // Members sent by name are either beyond the stream's numbered names or new since its first state.
    private int KeyOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("tick"u8) ? tickName
        : name.SequenceEqual("serverTime"u8) ? serverTimeName
        : name.SequenceEqual("players"u8) ? playersName
        : name.SequenceEqual("playerId"u8) ? playerIdName
        : name.SequenceEqual("ackSeq"u8) ? ackSeqName
        : name.SequenceEqual("rttMs"u8) ? rttMsName
        : -2;

    private void ReadPlayers(ref Utf8JsonReader reader, ReadOnlySpan<byte> own)
    {
        players.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            players.Add(ReadPlayer(ref reader, own));
        }
    }

    private static Entry ReadPlayer(ref Utf8JsonReader reader, ReadOnlySpan<byte> own)
    {
        var entry = default(Entry);
        Expect(reader.TokenType == JsonTokenType.StartObject, "a player");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("playerId"u8))
            {
                entry.Mine = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(own);
            }
            else if (name.SequenceEqual("ackSeq"u8))
            {
                entry.AckSeq = Number(ref reader);
            }
            else if (name.SequenceEqual("rttMs"u8))
            {
                entry.RttMs = Number(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return entry;
    }

    // The players list's delta: [v] a new list, else pairs of "n" and a length or an index and an entry's delta.
    private void ChangePlayers(ref Utf8JsonReader reader, ReadOnlySpan<byte> own)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "the players' delta");
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadPlayers(ref reader, own);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray, "a replacement of one value");
            return;
        }

        for (; reader.TokenType != JsonTokenType.EndArray; reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                Expect(reader.ValueTextEquals("n"u8) && reader.Read(), "a length");
                Resize(reader.GetInt32());
                continue;
            }

            var index = reader.GetInt32();
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && index < players.Count, "an entry's delta");
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                players[index] = ReadPlayer(ref reader, own);
                Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray, "a replacement of one value");
                continue;
            }

            var entry = players[index];
            for (; reader.TokenType != JsonTokenType.EndArray; reader.Read())
            {
                var key = Key(ref reader);
                reader.Read();
                if (key == playerIdName)
                {
                    // A changed id comes whole: [id].
                    Expect(reader.TokenType == JsonTokenType.StartArray && reader.Read(), "a replaced id");
                    entry.Mine = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(own);
                    reader.Read();
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

    private void Resize(int length)
    {
        Expect(length >= 0, "a length of 0 or more");
        if (length < players.Count)
        {
            players.RemoveRange(length, players.Count - length);
        }

        while (players.Count < length)
        {
            players.Add(default);
        }
    }

    // A whole number's delta: a number to add, [v] the new value ([] or anything else: 0).
    private static long Change(ref Utf8JsonReader reader, long previous)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return previous + Number(ref reader);
        }

        if (reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = Number(ref reader);
            reader.Read();
            return value;
        }

        reader.Skip();
        return 0;
    }

    private static long Number(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.Number ? 0 : reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();

    private static void Expect(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidDataException($"expected {what}");
        }
    }

    /// <summary>One entry of the players list, as far as a bot follows it.</summary>
    private struct Entry
    {
        public bool Mine;
        public long AckSeq;
        public long RttMs;
    }
}

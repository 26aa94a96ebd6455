using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansGame.Arena.Wire;
using OrleansGame.LoadTest.Bots.Raw;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;
using RawMessage = OrleansGame.LoadTest.Bots.Raw.HubMessage;

namespace OrleansGame.LoadTest.Tests.Raw;

/// <summary>
/// The raw bots' reading of compact state: random arena games encoded by the host's own encoder and written by
/// SignalR's own hub protocols, read frame by frame; after every <c>Keyframe</c> and <c>Delta</c> the bot knows the
/// tick, the server time and its own entry's <c>ackSeq</c> and <c>rttMs</c> exactly as the full state had them.
/// </summary>
public sealed class CompactStateTests
{
    private const string Own = "me-0123456789abcdef";
    private static readonly StateSteps ArenaSteps = StateSteps.Of(new Dictionary<string, int> { ["x"] = 10, ["y"] = 10 });

    public static TheoryData<string, int> Games => [.. from protocol in new[] { "json", "msgpack" } from seed in Enumerable.Range(1, 12) select (protocol, seed)];

    [Theory]
    [MemberData(nameof(Games))]
    public void Read_RandomGame_FollowsTheOwnEntryThroughEveryDelta(string protocol, int seed)
    {
        var messagePack = protocol == "msgpack";
        var hub = Protocol(messagePack);
        var random = new Random(seed);
        using var encoder = new StateEncoder();
        var compact = new CompactState();
        var players = new List<PlayerState> { Player(random, Own), Player(random, "p1") };
        long tick = 1, serverTime = 1_796_000_000_000;
        var deltas = 0;
        for (var step = 0; step < 80; step++)
        {
            var snapshot = new Snapshot("k3x9qa", tick, serverTime, "playing", 60_000 - (step * 50), [.. players], []);
            var state = JsonSerializer.SerializeToUtf8Bytes(snapshot, RoomJson.Options);
            // Now and then the connection misses a state: the next one is a keyframe.
            var follows = step > 0 && random.Next(20) != 0;
            var delta = encoder.Next(ArenaSteps, state, follows);
            var frame = new ArrayBufferWriter<byte>();
            hub.WriteMessage(
                delta is null
                    ? new InvocationMessage("Keyframe", ["Snapshot", Argument(state, messagePack), Argument(ArenaSteps.Json, messagePack), Argument(encoder.NamesJson, messagePack)])
                    : new InvocationMessage("Delta", [Argument(delta, messagePack)]),
                frame);
            deltas += delta is null ? 0 : 1;

            var own = players.FindIndex(static p => p.PlayerId == Own);
            var description = $"step {step}: {(delta is null ? "keyframe" : System.Text.Encoding.UTF8.GetString(delta))}";
            var message = Read(frame.WrittenMemory, messagePack, compact, description);

            Assert.True(message.Kind == HubMessageKind.Snapshot, description);
            Assert.True((tick, serverTime, own >= 0) == (message.Tick, message.ServerTime, message.HasOwn), description);
            Assert.Equal(players.Count, compact.Players);
            if (own >= 0)
            {
                Assert.True((players[own].AckSeq, players[own].RttMs) == (message.AckSeq, message.RttMs), description);
            }

            (tick, serverTime, players) = (tick + 1, serverTime + 45 + random.Next(10), Play(random, players));
        }

        Assert.True(deltas > 50, $"only {deltas} deltas");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_DeltaBeforeAnyKeyframe_IsRefused(bool messagePack)
    {
        var frame = new ArrayBufferWriter<byte>();
        Protocol(messagePack).WriteMessage(new InvocationMessage("Delta", [Argument("[1,1]"u8.ToArray(), messagePack)]), frame);

        Assert.Throws<InvalidDataException>(() => Read(frame.WrittenMemory, messagePack, new CompactState()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_CompactStateWithoutAskingForIt_IsIgnored(bool messagePack)
    {
        var frame = new ArrayBufferWriter<byte>();
        Protocol(messagePack).WriteMessage(new InvocationMessage("Delta", [Argument("[1,1]"u8.ToArray(), messagePack)]), frame);

        Assert.Equal(HubMessageKind.Other, Read(frame.WrittenMemory, messagePack, compact: null).Kind);
    }

    // One turn of the game: players move, acknowledge inputs (0 to 2 a tick), now and then measure their round trip,
    // join, or leave (the bot too, from anywhere in the list, and back at the end).
    private static List<PlayerState> Play(Random random, List<PlayerState> players)
    {
        var next = players.Select(p => p with
        {
            X = Math.Clamp(p.X + (random.NextDouble() * 20) - 10, 20, 980),
            Y = Math.Clamp(p.Y + (random.NextDouble() * 20) - 10, 20, 980),
            AckSeq = p.AckSeq + random.Next(3),
            RttMs = random.Next(8) == 0 ? random.Next(1, 300) : p.RttMs,
            Score = p.Score + (random.Next(30) == 0 ? 1 : 0),
        }).ToList();
        switch (random.Next(12))
        {
            case 0 when next.Count < 8:
                next.Add(Player(random, $"p{random.Next(1000)}"));
                break;
            case 1 when next.Count > 1:
                next.RemoveAt(random.Next(next.Count));
                break;
        }

        if (!next.Exists(static p => p.PlayerId == Own) && random.Next(4) == 0)
        {
            next.Add(Player(random, Own));
        }

        return next;
    }

    private static PlayerState Player(Random random, string id) =>
        new(id, 20 + (random.NextDouble() * 960), 20 + (random.NextDouble() * 960), 0, random.Next(100), random.Next(0, 200), false);

    private static RawMessage Read(ReadOnlyMemory<byte> bytes, bool messagePack, CompactState? compact, string? description = null)
    {
        var buffer = new HubFrameBuffer(messagePack, initialSize: 16);
        buffer.Append(bytes.Span);
        Assert.True(buffer.TryRead(out var frame));
        var message = default(RawMessage);
        try
        {
            HubMessageReader.Read(frame, messagePack, System.Text.Encoding.UTF8.GetBytes(Own), ref message, compact);
        }
        catch (InvalidDataException ex) when (description is not null)
        {
            throw new InvalidDataException($"{description}: {ex.Message}", ex);
        }

        Assert.False(buffer.TryRead(out _));
        return message;
    }

    // JSON goes as it is; for MessagePack, the values the gateway's transcoder writes (whole numbers as integers).
    private static object? Argument(byte[] json, bool messagePack)
    {
        using var document = JsonDocument.Parse(json);
        return messagePack ? Tree(document.RootElement) : document.RootElement.Clone();
    }

    private static object? Tree(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(static m => m.Name, static m => Tree(m.Value)),
        JsonValueKind.Array => value.EnumerateArray().Select(Tree).ToArray(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : (object)value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static IHubProtocol Protocol(bool messagePack) => messagePack
        ? new MessagePackHubProtocol(Microsoft.Extensions.Options.Options.Create(new MessagePackHubProtocolOptions
        {
            SerializerOptions = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolverAllowPrivate.Instance),
        }))
        : new JsonHubProtocol();
}

using System.Buffers;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansGame.LoadTest.Bots.Raw;
using OrleansGame.LoadTest.Wire;
using RawMessage = OrleansGame.LoadTest.Bots.Raw.HubMessage;

namespace OrleansGame.LoadTest.Tests.Raw;

/// <summary>
/// The raw bots' reader and writer against ASP.NET Core's own hub protocols: what SignalR writes the reader reads,
/// split over receives at random; what the writer writes SignalR parses.
/// </summary>
public sealed class HubMessageCodecTests
{
    private static readonly byte[] Own = "me"u8.ToArray();

    public static TheoryData<string> Protocols => ["json", "msgpack"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Read_WhatSignalRWrites_SplitOverReceives_GivesEveryField(string name)
    {
        var protocol = Protocol(name);
        var players = new[]
        {
            new { playerId = "other", x = 1.5, ackSeq = 99L, rttMs = 3, name = "o" },
            new { playerId = "me", x = 2.5, ackSeq = 41L, rttMs = 17, name = "m" },
        };
        var output = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(new InvocationMessage("RoomEvent", [new { type = "player_joined" }]), output);
        protocol.WriteMessage(new InvocationMessage("Snapshot", [new { roomId = "r1", tick = 1234L, serverTime = 1_764_600_000_123L, players, orbs = Array.Empty<object>() }]), output);
        protocol.WriteMessage(new InvocationMessage("Ping", [new { seq = 7L, serverTime = 5L }]), output);
        protocol.WriteMessage(new InvocationMessage("Error", [new { code = "rate_limited", message = "slow down" }]), output);
        protocol.WriteMessage(new InvocationMessage("Closing", [new { reason = "ping_timeout" }]), output);
        protocol.WriteMessage(CompletionMessage.WithResult("1", new { roomId = "r1", capacity = 8 }), output);
        protocol.WriteMessage(CompletionMessage.WithError("1", "room_full"), output);
        protocol.WriteMessage(PingMessage.Instance, output);
        protocol.WriteMessage(new CloseMessage("server stopping"), output);
        var random = new Random(name.Length);

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var messages = ReadAll(output.WrittenMemory, name == "msgpack", random);

            Assert.Equal(
                [HubMessageKind.Other, HubMessageKind.Snapshot, HubMessageKind.GamePing, HubMessageKind.Error, HubMessageKind.Closing, HubMessageKind.Completion, HubMessageKind.Completion, HubMessageKind.KeepAlive, HubMessageKind.Close],
                messages.Select(static m => m.Kind));
            var snapshot = messages[1];
            Assert.Equal((1234L, 1_764_600_000_123L, true, 41L, 17), (snapshot.Tick, snapshot.ServerTime, snapshot.HasOwn, snapshot.AckSeq, snapshot.RttMs));
            Assert.Equal(7, messages[2].PingSeq);
            Assert.Equal("rate_limited", messages[3].Text);
            Assert.Equal("ping_timeout", messages[4].Text);
            Assert.Equal((1L, (string?)null), (messages[5].InvocationId, messages[5].Text));
            Assert.Equal((1L, "room_full"), (messages[6].InvocationId, messages[6].Text));
            Assert.Equal("server stopping", messages[8].Text);
        }
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Read_ASnapshotWithoutTheBot_HasNoOwnEntry(string name)
    {
        var output = new ArrayBufferWriter<byte>();
        Protocol(name).WriteMessage(new InvocationMessage("Snapshot", [new { tick = 3L, serverTime = 4L, players = new[] { new { playerId = "mex", ackSeq = 1L } } }]), output);

        var message = Assert.Single(ReadAll(output.WrittenMemory, name == "msgpack", new Random(1)));

        Assert.Equal((HubMessageKind.Snapshot, 3L, false), (message.Kind, message.Tick, message.HasOwn));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Write_WhatTheBotSends_SignalRParsesAsTheHubCalls(string name)
    {
        var protocol = Protocol(name);
        var writer = new HubMessageWriter(name == "msgpack");
        var binder = new Binder();

        var input = Parse(protocol, writer.Input(12, 0.6, -0.8), binder);
        var pong = Parse(protocol, writer.Pong(5), binder);
        var join = Parse(protocol, writer.QuickJoin(1), binder);

        Assert.Equal(("Input", (string?)null), (input.Target, input.InvocationId));
        Assert.Equal(new BotInput(12, 0.6, -0.8), Assert.Single(input.Arguments));
        Assert.Equal(("Pong", new BotPong(5)), (pong.Target, Assert.Single(pong.Arguments)));
        Assert.Equal(("JoinRoom", "1"), (join.Target, join.InvocationId));
        Assert.Equal(new BotJoinRequest(null), Assert.Single(join.Arguments));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Handshake_TheBotsRequestAndTheServersAnswers_ReadAsSignalRMeansThem(string name)
    {
        var request = new ReadOnlySequence<byte>(HubMessageWriter.Handshake(name == "msgpack"));
        Assert.True(HandshakeProtocol.TryParseRequestMessage(ref request, out var parsed));
        Assert.Equal((name == "msgpack" ? "messagepack" : "json", 1), (parsed.Protocol, parsed.Version));

        var accepted = new ArrayBufferWriter<byte>();
        HandshakeProtocol.WriteResponseMessage(HandshakeResponseMessage.Empty, accepted);
        var refused = new ArrayBufferWriter<byte>();
        HandshakeProtocol.WriteResponseMessage(new HandshakeResponseMessage("protocol not supported"), refused);

        Assert.Null(HubMessageReader.ReadHandshake(accepted.WrittenSpan[..^1]));
        Assert.Equal("protocol not supported", HubMessageReader.ReadHandshake(refused.WrittenSpan[..^1]));
    }

    [Theory]
    [InlineData(false, "[1,2]")]
    [InlineData(false, "{\"target\":\"Snapshot\"}")]
    [InlineData(true, "\u00c1")]
    public void Read_AFrameThatIsNotAHubMessage_IsRefused(bool messagePack, string frame)
    {
        var message = default(RawMessage);

        Assert.Throws<InvalidDataException>(() => HubMessageReader.Read(System.Text.Encoding.Latin1.GetBytes(frame), messagePack, Own, ref message));
    }

    private static IHubProtocol Protocol(string name) => name == "msgpack"
        ? new MessagePackHubProtocol(Microsoft.Extensions.Options.Options.Create(new MessagePackHubProtocolOptions
        {
            SerializerOptions = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolverAllowPrivate.Instance),
        }))
        : new JsonHubProtocol();

    // Feeds the bytes in random pieces, as receives would bring them, and reads every frame.
    private static List<RawMessage> ReadAll(ReadOnlyMemory<byte> bytes, bool messagePack, Random random)
    {
        var buffer = new HubFrameBuffer(messagePack, initialSize: 16);
        var messages = new List<RawMessage>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var piece = Math.Min(bytes.Length - offset, random.Next(1, 40));
            buffer.Append(bytes.Span.Slice(offset, piece));
            offset += piece;
            while (buffer.TryRead(out var frame))
            {
                var message = default(RawMessage);
                HubMessageReader.Read(frame, messagePack, Own, ref message);
                messages.Add(message);
            }
        }

        Assert.Equal(0, buffer.Pending);
        return messages;
    }

    private static InvocationMessage Parse(IHubProtocol protocol, ReadOnlyMemory<byte> bytes, IInvocationBinder binder)
    {
        var sequence = new ReadOnlySequence<byte>(bytes.ToArray());
        Assert.True(protocol.TryParseMessage(ref sequence, binder, out var message));
        Assert.True(sequence.IsEmpty);
        return Assert.IsType<InvocationMessage>(message);
    }

    private sealed class Binder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => methodName switch
        {
            "Input" => [typeof(BotInput)],
            "Pong" => [typeof(BotPong)],
            "JoinRoom" => [typeof(BotJoinRequest)],
            _ => throw new InvalidOperationException(methodName),
        };

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}

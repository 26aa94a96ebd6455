using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansGame.Arena.Wire;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.MicroBenchmarks;

/// <summary>
/// The steps of one input on its way from the client to the mode: the hub's JSON and MessagePack protocols reading an
/// <c>Input</c> invocation (its payload as <see cref="RawJson"/>), the outbox carrying it to its room (a delivery that completes
/// after the post, as a grain call does), and the room reading the payload into the mode's type.
/// </summary>
[MemoryDiagnoser]
public class InboundPathBenchmarks : IDisposable
{
    private static readonly byte[] InputPayload = """{"seq":1234,"dx":0.70710678,"dy":-0.70710678}"""u8.ToArray();

    private readonly JsonHubProtocol protocol = new(Options.Create(new JsonHubProtocolOptions()));
    private readonly MessagePackHubProtocol messagePack = GatewayMessagePack();
    private readonly Binder binder = new();
    private readonly RoomOutbox outbox = new(NullLogger<RoomOutbox>.Instance, TimeProvider.System);
    private readonly InboundMessage message = new("player-1", "Input", new JsonPayload(InputPayload));
    private readonly JsonTypeInfo inputInfo = RoomJson.Options.GetTypeInfo(typeof(InputMessage));
    private readonly Func<InboundMessage[], Task> deliver;
    private byte[] invocation = [];
    private byte[] packedInvocation = [];
    private TaskCompletionSource? pending;

    /// <summary>Makes the delivery stand-in.</summary>
    public InboundPathBenchmarks() => deliver = batch => (pending = new TaskCompletionSource()).Task;

    /// <summary>Writes the invocation the hub reads.</summary>
    [GlobalSetup]
    public void Setup()
    {
        invocation = Encoding.UTF8.GetBytes("{\"type\":1,\"target\":\"Input\",\"arguments\":[" + Encoding.UTF8.GetString(InputPayload) + "]}\u001e");
        packedInvocation = messagePack.GetMessageBytes(new InvocationMessage("Input", [new RawJson(InputPayload)])).ToArray();
    }

    /// <summary>The hub's JSON protocol reads one <c>Input</c> invocation, its payload as <see cref="RawJson"/>.</summary>
    [Benchmark]
    public HubMessage? HubReadsInput()
    {
        var input = new ReadOnlySequence<byte>(invocation);
        protocol.TryParseMessage(ref input, binder, out var parsed);
        return parsed;
    }

    /// <summary>The hub's MessagePack protocol reads one <c>Input</c> invocation, its payload as <see cref="RawJson"/>.</summary>
    [Benchmark]
    public HubMessage? HubReadsInputMessagePack()
    {
        var input = new ReadOnlySequence<byte>(packedInvocation);
        messagePack.TryParseMessage(ref input, binder, out var parsed);
        return parsed;
    }

    /// <summary>One input posted to a room with nothing in flight, and its delivery completing.</summary>
    [Benchmark]
    public int OutboxCarriesInput()
    {
        outbox.Post("room-1", deliver, message);
        pending!.SetResult();
        return outbox.Busy;
    }

    /// <summary>The room reads the payload into the mode's type as it did: by type, through the options.</summary>
    [Benchmark]
    public object? RoomReadsPayloadByType() => JsonSerializer.Deserialize(message.Payload.Utf8, typeof(InputMessage), RoomJson.Options);

    /// <summary>The room reads the payload through the type's metadata, looked up once.</summary>
    [Benchmark]
    public object? RoomReadsPayloadByTypeInfo() => JsonSerializer.Deserialize(message.Payload.Utf8, inputInfo);

    /// <inheritdoc/>
    public void Dispose()
    {
        ((object)outbox as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The MessagePack protocol as the gateway configures it: modes' JSON read and written as MessagePack values.</summary>
    private static MessagePackHubProtocol GatewayMessagePack()
    {
        var options = new MessagePackHubProtocolOptions();
        options.SerializerOptions = options.SerializerOptions.WithResolver(
            CompositeResolver.Create([RawJsonFormatter.Instance], [options.SerializerOptions.Resolver]));
        return new MessagePackHubProtocol(Options.Create(options));
    }

    private sealed class Binder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [typeof(RawJson)];

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}

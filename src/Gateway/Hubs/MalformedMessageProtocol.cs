using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansGame.Gateway.Connections;

namespace OrleansGame.Gateway.Hubs;

/// <summary>
/// A per-connection decorator of a hub protocol (JSON or MessagePack) that reports the calls SignalR cannot bind
/// to a hub method (a string where a number belongs, an array for an object, a wrong argument count, an unknown
/// method) to its connection, which counts them against its abuse limits and logs them. SignalR itself still drops
/// them (and fails an invocation that awaits a result). Created per connection by <see cref="GameHubProtocolResolver"/>.
/// </summary>
internal sealed class MalformedMessageProtocol(IHubProtocol inner) : IHubProtocol
{
    private static readonly object ItemKey = new();
    private volatile IMalformedMessageSink? _sink;

    /// <inheritdoc/>
    public string Name => inner.Name;

    /// <inheritdoc/>
    public int Version => inner.Version;

    /// <inheritdoc/>
    public TransferFormat TransferFormat => inner.TransferFormat;

    /// <summary>Remembers the protocol of the connection whose request is <paramref name="httpContext"/>.</summary>
    public static void Remember(HttpContext? httpContext, MalformedMessageProtocol protocol)
    {
        if (httpContext is not null)
        {
            httpContext.Items[ItemKey] = protocol;
        }
    }

    /// <summary>
    /// Connects the protocol of the caller's connection to <paramref name="sink"/>; false when it cannot be found (a
    /// long-polling connection's requests are copies made per poll, without the handshake's items).
    /// </summary>
    public static bool Attach(HubCallerContext context, IMalformedMessageSink sink)
    {
        if (context.GetHttpContext()?.Items.TryGetValue(ItemKey, out var item) != true || item is not MalformedMessageProtocol protocol)
        {
            return false;
        }

        protocol._sink = sink;
        return true;
    }

    /// <inheritdoc/>
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage failure)
        {
            _sink?.OnMalformed(failure.Target, failure.BindingFailure.SourceException.Message);
        }

        return true;
    }

    /// <inheritdoc/>
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    /// <inheritdoc/>
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
}

using System.Diagnostics.Metrics;
using OrleansGame.Gateway.Hubs;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// The instruments of the <see cref="GatewayTelemetry.Name"/> meter: connections, messages in and out by type,
/// rejections by code, rate-limited messages and how late rooms' states (snapshots) reach the fan-out. A DI singleton; its instruments are thread-safe.
/// </summary>
internal sealed class GatewayMetrics
{
    private readonly UpDownCounter<long> _current;
    private readonly Counter<long> _opened;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _received;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _snapshotDelay;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GatewayTelemetry.Name);
        _current = meter.CreateUpDownCounter<long>("orleansgame.connections.current", "{connection}", "Hub connections open now.");
        _opened = meter.CreateCounter<long>("orleansgame.connections.opened", "{connection}", "Hub connections opened.");
        _closed = meter.CreateCounter<long>("orleansgame.connections.closed", "{connection}", "Hub connections closed, by reason.");
        _received = meter.CreateCounter<long>("orleansgame.messages.received", "{message}", "Messages received from clients, by type.");
        _sent = meter.CreateCounter<long>("orleansgame.messages.sent", "{message}", "Messages pushed to clients, by type.");
        _rejected = meter.CreateCounter<long>(
            "orleansgame.messages.rejected", "{message}", "Client messages refused with an Error or a failed invocation, by code.");
        _rateLimited = meter.CreateCounter<long>(
            "orleansgame.messages.rate_limited", "{message}", "Client messages dropped for being over a rate limit, by type.");
        _snapshotDelay = meter.CreateHistogram<double>(
            "orleansgame.snapshots.delay", "ms", "Time from a room's tick (the snapshot's serverTime) to its writes to this gateway's connections.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000] });
    }

    /// <summary>A hub connection opened.</summary>
    public void ConnectionOpened()
    {
        _opened.Add(1);
        _current.Add(1);
    }

    /// <summary>A hub connection closed; <paramref name="reason"/> is a <c>Closing</c> reason, or <see cref="MessageTypes.ClientClosed"/>.</summary>
    public void ConnectionClosed(string reason)
    {
        _current.Add(-1);
        _closed.Add(1, new KeyValuePair<string, object?>("reason", MessageTypes.Reason(reason)));
    }

    /// <summary>A client called hub method <paramref name="method"/>.</summary>
    public void MessageReceived(string method) => _received.Add(1, Type(MessageTypes.Of(method)));

    /// <summary>A client sent a call SignalR could not bind to a hub method.</summary>
    public void MalformedReceived() => _received.Add(1, Type(MessageTypes.Malformed));

    /// <summary>
    /// The server pushed <paramref name="count"/> calls of client method <paramref name="method"/>; a mode's method is
    /// learned as a type (within the bound of <see cref="MessageTypes"/>), since only the server names these.
    /// </summary>
    public void MessageSent(string method, int count = 1)
    {
        MessageTypes.Declare(method);
        _sent.Add(count, Type(MessageTypes.Of(method)));
    }

    /// <summary>
    /// A room's snapshot reached the fan-out <paramref name="milliseconds"/> after its tick: the time spent in the
    /// room's push and in this gateway before the writes (across machines it includes their clocks' difference).
    /// </summary>
    public void SnapshotDelayed(double milliseconds) => _snapshotDelay.Record(Math.Max(0, milliseconds));

    /// <summary>
    /// A client message was refused with error <paramref name="code"/>; a mode's code is learned (within the bound of
    /// <see cref="MessageTypes"/>), since only the server names codes.
    /// </summary>
    public void MessageRejected(string? code)
    {
        MessageTypes.DeclareCode(code);
        _rejected.Add(1, new KeyValuePair<string, object?>("code", MessageTypes.Code(code)));
    }

    /// <summary>A message the hub handed on was dropped for being over its rate limit.</summary>
    public void MessageRateLimited(ClientMessage message) => _rateLimited.Add(1, Type(MessageTypes.Of(message)));

    private static KeyValuePair<string, object?> Type(string type) => new("type", type);
}

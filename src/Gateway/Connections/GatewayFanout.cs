using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// This gateway's <see cref="IGatewayObserver"/>: a room pushes each tick's state here once for all of its members
/// connected to this gateway, and it is written to their connections serialised once per protocol, instead of one
/// grain message and one serialisation per member.
/// </summary>
/// <remarks>
/// <para>
/// The writes go straight to each member's <see cref="HubConnectionContext"/>, as SignalR's own group send does.
/// <c>IHubClients.Clients(ids)</c> would look every connection of the gateway up against the list, for every room on
/// every tick.
/// </para>
/// <para>
/// Orleans hands one observer object its messages one at a time and waits for each to complete, and every room of the
/// gateway pushes through this one object; so a push starts the writes and returns at once. Waiting for them would
/// let one client that stopped reading (its writes wait for the socket) hold up every room's states to every other
/// client here. Its own writes queue behind each other until the ping service closes it.
/// </para>
/// </remarks>
internal sealed class GatewayFanout(IGrainFactory grains, HubConnections connections, GatewayMetrics metrics, TimeProvider time) : IGatewayObserver
{
    private readonly ConcurrentDictionary<GrainId, Route> _routes = new();
    private readonly Lock _referenceLock = new();
    private IGatewayObserver? _reference;

    /// <summary>
    /// The reference grains push through, created on first use (by then a standalone gateway's silo is running) and
    /// valid for the process's lifetime: this singleton holds the object it points to.
    /// </summary>
    public IGatewayObserver Reference
    {
        get
        {
            lock (_referenceLock)
            {
                return _reference ??= grains.CreateObjectReference<IGatewayObserver>(this);
            }
        }
    }

    /// <summary>
    /// Routes states for the player observer <paramref name="observer"/> to the connection
    /// <paramref name="connectionId"/>, in the compact encoding when <paramref name="encoding"/> says so (its first
    /// state is then a keyframe); nothing to route when that connection has already ended.
    /// </summary>
    public void Add(GrainId observer, string connectionId, StateEncoding encoding = StateEncoding.Full)
    {
        if (connections.TryGet(connectionId, out var connection))
        {
            _routes[observer] = new Route(connection, encoding);
        }
    }

    /// <summary>Stops routing states for <paramref name="observer"/> (its connection has ended).</summary>
    public void Remove(GrainId observer) => _routes.TryRemove(observer, out _);

    /// <inheritdoc/>
    public Task OnStateAsync(ServerMessage state, StateFrame? frame, long serverTime, GrainId[] observers)
    {
        // Each form is serialised at most once per protocol, however many connections take it; the delta is diffed at
        // most once, and only when a connection here takes compact state.
        SerializedHubMessage? full = null, keyframe = null, delta = null;
        CompactStream? stream = null;
        byte[]? change = null;
        var encoded = false;
        int fulls = 0, keyframes = 0, deltas = 0;
        foreach (var observer in observers)
        {
            if (!_routes.TryGetValue(observer, out var route))
            {
                continue;
            }

            SerializedHubMessage message;
            if (frame is null || route.Encoding != StateEncoding.Delta)
            {
                message = full ??= new SerializedHubMessage(new InvocationMessage(state.Method, Arguments(state)));
                fulls++;
            }
            else
            {
                if (!encoded)
                {
                    stream = Encode(state, frame, observers, out change);
                    encoded = true;
                }

                if (stream is null || route.Stream == frame.Stream && frame.Frame <= route.Frame)
                {
                    // Orleans does not order one-way calls: a state older than the last one would only take the
                    // connection back, so it is not sent.
                    continue;
                }

                if (change is not null && route.Stream == frame.Stream && route.Frame == frame.Frame - 1)
                {
                    // The connection's last state is this one's predecessor: WebSocket is ordered and reliable, so it has it.
                    message = delta ??= new SerializedHubMessage(new InvocationMessage(ServerMethods.Delta, [new RawJson(change)]));
                    deltas++;
                }
                else
                {
                    message = keyframe ??= new SerializedHubMessage(new InvocationMessage(
                        ServerMethods.Keyframe, [state.Method, RawJson.From(state.Payload), RawJson.From(frame.Steps), new RawJson(stream.Encoder.NamesJson)]));
                    keyframes++;
                }

                (route.Stream, route.Frame, route.Shared) = (frame.Stream, frame.Frame, stream);
            }

            // A write never faults (SignalR aborts the connection instead), so one still pending is left to finish.
            var write = route.Connection.WriteAsync(message);
            if (!write.IsCompletedSuccessfully)
            {
                _ = write.AsTask();
            }
        }

        if (fulls + keyframes + deltas > 0)
        {
            Count(state.Method, fulls);
            Count(ServerMethods.Keyframe, keyframes);
            Count(ServerMethods.Delta, deltas);
            metrics.SnapshotDelayed(time.GetUtcNow().ToUnixTimeMilliseconds() - serverTime);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes <paramref name="state"/> into its room's stream here (the one the routes of <paramref name="observers"/>
    /// share, or a new one) and diffs it against the stream's last state when that is its predecessor; null when the
    /// state is older than the stream's last one.
    /// </summary>
    private CompactStream? Encode(ServerMessage state, StateFrame frame, GrainId[] observers, out byte[]? change)
    {
        change = null;
        CompactStream? stream = null;
        foreach (var observer in observers)
        {
            if (_routes.TryGetValue(observer, out var route) && route.Shared is { } shared && shared.Stream == frame.Stream)
            {
                stream = shared;
                break;
            }
        }

        stream ??= new CompactStream(frame.Stream);
        if (frame.Frame <= stream.Frame)
        {
            return null;
        }

        stream.Steps = StateSteps.FromJson(frame.Steps.Utf8, stream.Steps);
        change = stream.Encoder.Next(stream.Steps, state.Payload.Utf8, follows: stream.Frame == frame.Frame - 1);
        stream.Frame = frame.Frame;
        return stream;
    }

    private void Count(string method, int sent)
    {
        if (sent > 0)
        {
            metrics.MessageSent(method, sent);
        }
    }

    /// <summary>A connection states go to, and the last state of the compact encoding it was sent.</summary>
    private sealed class Route(HubConnectionContext connection, StateEncoding encoding)
    {
        public HubConnectionContext Connection => connection;

        public StateEncoding Encoding => encoding;

        // Only the fan-out's pushes, which Orleans hands over one at a time, read and write these.
        public long Stream { get; set; }

        public long Frame { get; set; }

        public CompactStream? Shared { get; set; }
    }

    /// <summary>
    /// One room's stream of states as this gateway received them, shared by the routes of its compact connections: the
    /// last state, which the next one is diffed against. It lives as long as a route refers to it.
    /// </summary>
    private sealed class CompactStream(long stream)
    {
        public long Stream => stream;

        public long Frame { get; set; }

        public StateSteps? Steps { get; set; }

        public StateEncoder Encoder { get; } = new();
    }

    private static object?[] Arguments(ServerMessage state) => state.Type is null
        ? [RawJson.From(state.Payload)]
        : [state.Type, RawJson.From(state.Payload)];
}

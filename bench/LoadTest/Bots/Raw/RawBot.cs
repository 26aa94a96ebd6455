using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using OrleansGame.LoadTest.Metrics;
using OrleansGame.LoadTest.Wire;

namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// One simulated player on a bare <see cref="ClientWebSocket"/> that speaks the SignalR hub protocol itself: a session,
/// a WebSocket without negotiation (the token as a bearer header), the handshake, quick join, then inputs when the
/// fleet's shared timer asks (<see cref="SendInputAsync"/>), every <c>Ping</c> answered with a <c>Pong</c>. One receive
/// loop per bot reads frames straight from its buffer; nothing else runs per bot. With <paramref name="compactState"/>
/// it asks for compact state (<c>?stateEncoding=delta</c>) and follows it in a <see cref="CompactState"/>.
/// </summary>
internal sealed class RawBot(int index, Uri server, HttpClient http, bool messagePack, FleetMetrics metrics, bool compactState = false) : IAsyncDisposable
{
    private const long JoinInvocationId = 1;
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(3);

    private readonly HubMessageWriter writer = new(messagePack);
    private readonly HubFrameBuffer frames = new(messagePack: false);
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly CompactState? compact = compactState ? new CompactState() : null;
    private readonly WebSocketMessageType messageType = messagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    // Inputs not yet acknowledged, oldest first: sequence and Stopwatch timestamp of the send.
    private readonly Queue<(long Seq, long SentAt)> pending = new();
    private ClientWebSocket? socket;
    private Task? receiveLoop;
    private TaskCompletionSource<string?>? join;
    private byte[] playerId = [];
    private long seq;
    private double dx = 1;
    private double dy;
    private long lastTick;
    private int windowGeneration;
    private long windowFirstTick;
    private long windowLastTick;
    private volatile bool leaving;
    private volatile bool closed;

    /// <summary>The bot's number in its fleet (which slot of the shared input timer it sends in).</summary>
    public int Index => index;

    /// <summary>Whether the bot is seated and its connection up: the shared timer sends its inputs.</summary>
    public bool Joined { get; private set; }

    /// <summary>Whether the connection is up.</summary>
    public bool IsConnected => socket is { State: WebSocketState.Open } && !closed;

    /// <summary>Ticks from the first to the last snapshot seen in window <paramref name="generation"/>, 0 when none was seen.</summary>
    public long TicksSpanned(int generation) => windowGeneration == generation ? windowLastTick - windowFirstTick + 1 : 0;

    /// <summary>Creates the session, connects, shakes hands and quick-joins; false (and the reason counted) on failure.</summary>
    public async Task<bool> StartAsync(CancellationToken cancellationToken)
    {
        SessionReply? session;
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(server, "/api/sessions"), new { name = $"raw-{index}" }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                metrics.Error($"session_http_{(int)response.StatusCode}");
                return false;
            }

            session = await response.Content.ReadFromJsonAsync<SessionReply>(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            session = null;
        }

        if (session is null)
        {
            metrics.Error("session_failed");
            return false;
        }

        playerId = Encoding.UTF8.GetBytes(session.PlayerId);
        var hub = new UriBuilder(new Uri(server, "/hubs/game"))
        {
            Scheme = server.Scheme == "https" ? "wss" : "ws",
            Query = compactState ? "stateEncoding=delta" : string.Empty,
        }.Uri;
        try
        {
            socket = await WebSocketFactory.ConnectAsync(hub, session.Token, cancellationToken);
            await socket.SendAsync(HubMessageWriter.Handshake(messagePack), messageType, true, cancellationToken);
            if (await ReadHandshakeAsync(cancellationToken) is { } refused)
            {
                metrics.Error("handshake_refused");
                Console.Error.WriteLine($"handshake refused: {refused}");
                return false;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or InvalidDataException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            metrics.Error("connect_failed");
            return false;
        }

        frames.MessagePack = messagePack;
        join = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiveLoop = ReceiveAsync(stopping.Token);
        string? failure;
        try
        {
            failure = await SendAsync(Outgoing.QuickJoin, JoinInvocationId) ? await join.Task.WaitAsync(JoinTimeout, cancellationToken) : "send_failed";
        }
        catch (TimeoutException)
        {
            failure = "timeout";
        }

        if (failure is not null)
        {
            metrics.Error("join_failed");
            return false;
        }

        Joined = true;
        return true;
    }

    /// <summary>
    /// Sends the next input (sequence + 1; a new direction every 20 inputs, from the timer's <paramref name="random"/>,
    /// which is read before the first await only).
    /// </summary>
    public ValueTask<bool> SendInputAsync(Random random)
    {
        if (seq % 20 == 0)
        {
            var angle = random.NextDouble() * Math.Tau;
            (dx, dy) = (Math.Round(Math.Cos(angle), 3), Math.Round(Math.Sin(angle), 3));
        }

        var next = ++seq;
        lock (pending)
        {
            pending.Enqueue((next, Stopwatch.GetTimestamp()));
        }

        metrics.InputSent();
        return SendAsync(Outgoing.Input, next);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        leaving = true;
        Joined = false;
        if (socket is { State: WebSocketState.Open } open && receiveLoop is not null)
        {
            // A clean close: the server answers with its own, which ends the receive loop.
            using var bound = new CancellationTokenSource(CloseTimeout);
            try
            {
                await sendLock.WaitAsync(bound.Token);
                try
                {
                    await open.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, bound.Token);
                }
                finally
                {
                    sendLock.Release();
                }

                await receiveLoop.WaitAsync(bound.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
            {
            }
        }

        await stopping.CancelAsync();
        if (receiveLoop is not null)
        {
            await receiveLoop;
        }

        socket?.Dispose();
        stopping.Dispose();
    }

    // The handshake answer is JSON in both protocols; frames after it in the same receive stay in the buffer.
    private async Task<string?> ReadHandshakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket!.ReceiveAsync(frames.GetReceiveMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return "closed during the handshake";
            }

            frames.Advance(result.Count);
            if (frames.TryRead(out var frame))
            {
                return HubMessageReader.ReadHandshake(frame.Span);
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = default(HubMessage);
        try
        {
            while (true)
            {
                var receivedAt = Stopwatch.GetTimestamp();
                while (frames.TryRead(out var frame))
                {
                    HubMessageReader.Read(frame, messagePack, playerId, ref message, compact);
                    if (Handle(ref message, receivedAt) is { } ping && !await SendAsync(Outgoing.Pong, ping))
                    {
                        return;
                    }

                    if (message.Kind == HubMessageKind.Close)
                    {
                        return;
                    }
                }

                var result = await socket!.ReceiveAsync(frames.GetReceiveMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frames.Advance(result.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        catch (InvalidDataException ex)
        {
            metrics.Error("bad_frame");
            Console.Error.WriteLine($"bot {index}: {ex.Message}");
        }
        finally
        {
            closed = true;
            Joined = false;
            join?.TrySetResult("connection_lost");
            if (!leaving)
            {
                metrics.Disconnect();
            }
        }
    }

    // Returns the sequence of a game ping to answer, else null.
    private long? Handle(ref HubMessage message, long receivedAt)
    {
        switch (message.Kind)
        {
            case HubMessageKind.Snapshot:
                OnSnapshot(ref message, receivedAt);
                return null;
            case HubMessageKind.GamePing:
                return message.PingSeq;
            case HubMessageKind.Completion when message.InvocationId == JoinInvocationId:
                join?.TrySetResult(message.Text);
                return null;
            case HubMessageKind.Error:
                metrics.Error($"error_{message.Text}");
                return null;
            case HubMessageKind.Closing:
                metrics.Error($"closing_{message.Text}");
                return null;
            default:
                return null;
        }
    }

    private void OnSnapshot(ref HubMessage snapshot, long receivedAt)
    {
        var now = Stopwatch.GetTimestamp();
        metrics.Snapshot();
        var recording = metrics.Recording;
        if (recording)
        {
            metrics.SnapshotDelay.Record(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - snapshot.ServerTime);
            metrics.ReceiveToHandler.Record(Stopwatch.GetElapsedTime(receivedAt, now).TotalMilliseconds);
        }

        if (lastTick != 0 && snapshot.Tick > lastTick + 1)
        {
            metrics.MissedTicks(snapshot.Tick - lastTick - 1);
        }

        lastTick = snapshot.Tick;
        if (recording)
        {
            if (windowGeneration != metrics.Generation)
            {
                windowGeneration = metrics.Generation;
                windowFirstTick = snapshot.Tick;
            }

            windowLastTick = snapshot.Tick;
        }

        if (!snapshot.HasOwn)
        {
            return;
        }

        if (recording && snapshot.RttMs > 0)
        {
            metrics.ServerRtt.Record(snapshot.RttMs);
        }

        lock (pending)
        {
            while (pending.TryPeek(out var head) && head.Seq <= snapshot.AckSeq)
            {
                pending.Dequeue();
                if (recording)
                {
                    metrics.InputToAck.Record(Stopwatch.GetElapsedTime(head.SentAt, now).TotalMilliseconds);
                }
            }
        }
    }

    private async ValueTask<bool> SendAsync(Outgoing kind, long value)
    {
        try
        {
            await sendLock.WaitAsync(stopping.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The bot is being stopped (the shared timer may still hold it for this slot).
            return false;
        }

        try
        {
            var bytes = kind switch
            {
                Outgoing.Input => writer.Input(value, dx, dy),
                Outgoing.Pong => writer.Pong(value),
                _ => writer.QuickJoin(value),
            };
            await socket!.SendAsync(bytes, messageType, true, stopping.Token);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            if (!leaving)
            {
                metrics.Error("send_failed");
            }

            return false;
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>A message the bot sends.</summary>
    private enum Outgoing
    {
        Input,
        Pong,
        QuickJoin,
    }
}

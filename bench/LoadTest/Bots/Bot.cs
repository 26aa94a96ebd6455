using System.Diagnostics;
using System.Net.Http.Json;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.LoadTest.Metrics;
using OrleansGame.LoadTest.Wire;

namespace OrleansGame.LoadTest.Bots;

/// <summary>
/// One simulated player: a session, a hub connection, quick join, then <c>Input</c> at 20 Hz with a direction that
/// changes every second and an increasing <c>seq</c>, answering every <c>Ping</c> with a <c>Pong</c>.
/// </summary>
/// <remarks>
/// A bot that does not read snapshots (<paramref name="readsSnapshots"/> false: a player of a join round, which sends no
/// input) still receives them but skips their content, so that a generator keeps up with the snapshots of thousands
/// of seated players and answers their pings in time.
/// </remarks>
internal sealed class Bot(int index, Uri server, HttpClient http, bool messagePack, FleetMetrics metrics, bool readsSnapshots = true) : IAsyncDisposable
{
    private static readonly TimeSpan InputInterval = TimeSpan.FromMilliseconds(50);
    private static readonly MessagePackSerializerOptions PackOptions =
        MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolverAllowPrivate.Instance);

    // Inputs not yet acknowledged, oldest first: sequence and Stopwatch timestamp of the send.
    private readonly Queue<(long Seq, long SentAt)> pending = new();
    private readonly CancellationTokenSource stopping = new();
    private HubConnection? connection;
    private TimedWebSocket? socket;
    private Task? inputLoop;
    private string playerId = "";
    private long lastTick;
    private int windowGeneration;
    private long windowFirstTick;
    private long windowLastTick;
    private volatile string? closingReason;
    private volatile bool dropped;

    /// <summary>Whether the hub connection is up.</summary>
    public bool IsConnected => connection?.State == HubConnectionState.Connected;

    /// <summary>The reason of the <c>Closing</c> the server sent this bot, or null.</summary>
    public string? ClosingReason => closingReason;

    /// <summary>Whether the connection closed under the bot (not by the bot's own stop).</summary>
    public bool Dropped => dropped;

    /// <summary>Ticks from the first to the last snapshot seen in window <paramref name="generation"/>, 0 when none was seen.</summary>
    public long TicksSpanned(int generation) => windowGeneration == generation ? windowLastTick - windowFirstTick + 1 : 0;

    /// <summary>Creates the session, connects, quick-joins and starts sending input; false (and the reason counted) on failure.</summary>
    public async Task<bool> StartAsync(CancellationToken cancellationToken)
    {
        if (!await ConnectAsync(cancellationToken))
        {
            return false;
        }

        try
        {
            await connection!.InvokeAsync<BotJoinResult>("JoinRoom", new BotJoinRequest(null), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Error("join_failed");
            return false;
        }

        inputLoop = SendInputsAsync(stopping.Token);
        return true;
    }

    /// <summary>Creates the session and connects, nothing more (the bot answers pings); false (and the reason counted) on failure.</summary>
    public async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        SessionReply? session;
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(server, "/api/sessions"), new { name = $"bot-{index}" }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                metrics.Error($"session_http_{(int)response.StatusCode}");
                return false;
            }

            session = await response.Content.ReadFromJsonAsync<SessionReply>(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            metrics.Error("session_failed");
            return false;
        }

        if (session is null)
        {
            metrics.Error("session_failed");
            return false;
        }

        playerId = session.PlayerId;
        connection = Build(session.Token);
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Error("connect_failed");
            return false;
        }

        connection.Closed += OnClosedAsync;
        return true;
    }

    /// <summary>
    /// Quick-joins once and times it, from the call to its answer. A refusal comes back as its code (<c>room_full</c>, ...);
    /// a join the connection did not live to answer as <c>connection_lost</c>; one not answered within
    /// <paramref name="timeout"/> as <c>timeout</c>.
    /// </summary>
    public async Task<JoinAttempt> JoinAsync(TimeSpan timeout)
    {
        var sentAt = Stopwatch.GetTimestamp();
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            var result = await connection!.InvokeAsync<BotJoinResult>("JoinRoom", new BotJoinRequest(null), bound.Token);
            return new JoinAttempt(sentAt, Stopwatch.GetTimestamp(), result.RoomId, result.Capacity, result.Roster?.Count ?? 0, null);
        }
        catch (HubException ex)
        {
            return new JoinAttempt(sentAt, Stopwatch.GetTimestamp(), null, 0, 0, JoinAttempt.CodeOf(ex.Message));
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            return new JoinAttempt(sentAt, Stopwatch.GetTimestamp(), null, 0, 0, "timeout");
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // The connection closed under the pending invocation (which cancels it), or broke while reading.
            return new JoinAttempt(sentAt, Stopwatch.GetTimestamp(), null, 0, 0, "connection_lost");
        }
    }

    /// <summary>Leaves the room the bot is in (not timed); false when the server refused or the connection is gone.</summary>
    public async Task<bool> LeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await connection!.InvokeAsync("LeaveRoom", cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException or InvalidDataException or System.Net.WebSockets.WebSocketException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A connection that closes under a pending invocation cancels it, or breaks while reading.
            return false;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (inputLoop is not null)
        {
            await inputLoop;
        }

        if (connection is not null)
        {
            connection.Closed -= OnClosedAsync;
            await connection.DisposeAsync();
        }

        stopping.Dispose();
    }

    private HubConnection Build(string token)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/game"), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.SkipNegotiation = true;
            options.Transports = HttpTransportType.WebSockets;
            options.WebSocketFactory = async (context, ct) => socket = new TimedWebSocket(await WebSocketFactory.ConnectAsync(context, token, ct));
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol(options => options.SerializerOptions = PackOptions);
        }

        var hub = builder.Build();
        if (readsSnapshots)
        {
            hub.On<BotSnapshot>("Snapshot", OnSnapshot);
        }
        else
        {
            hub.On<BotSkipped>("Snapshot", static _ => { });
        }

        hub.On<BotPing>("Ping", ping => hub.SendAsync("Pong", new BotPong(ping.Seq)));
        hub.On<BotCode>("Error", error => metrics.Error($"error_{error.Code}"));
        hub.On<BotCode>("Closing", closing =>
        {
            // The first reason is the cause; a connection already closing may be told again.
            closingReason ??= closing.Reason ?? "unknown";
            metrics.Error($"closing_{closing.Reason}");
        });
        hub.On<BotCode>("RoomEvent", static _ => { });
        hub.On<BotCode>("RoomState", static _ => { });
        hub.On<BotCode>("Chat", static _ => { });
        return hub;
    }

    private void OnSnapshot(BotSnapshot snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        metrics.Snapshot();
        if (metrics.Recording)
        {
            metrics.SnapshotDelay.Record(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - snapshot.ServerTime);
            if (socket is { LastMessageAt: > 0 and var received })
            {
                metrics.ReceiveToHandler.Record(Stopwatch.GetElapsedTime(received, now).TotalMilliseconds);
            }
        }

        if (lastTick != 0 && snapshot.Tick > lastTick + 1)
        {
            metrics.MissedTicks(snapshot.Tick - lastTick - 1);
        }

        lastTick = snapshot.Tick;
        if (metrics.Recording)
        {
            if (windowGeneration != metrics.Generation)
            {
                windowGeneration = metrics.Generation;
                windowFirstTick = snapshot.Tick;
            }

            windowLastTick = snapshot.Tick;
        }

        var mine = snapshot.Players?.Find(p => p.PlayerId == playerId);
        if (mine is null)
        {
            return;
        }

        if (metrics.Recording && mine.RttMs > 0)
        {
            metrics.ServerRtt.Record(mine.RttMs);
        }

        lock (pending)
        {
            while (pending.TryPeek(out var head) && head.Seq <= mine.AckSeq)
            {
                pending.Dequeue();
                if (metrics.Recording)
                {
                    metrics.InputToAck.Record(Stopwatch.GetElapsedTime(head.SentAt, now).TotalMilliseconds);
                }
            }
        }
    }

    private async Task SendInputsAsync(CancellationToken cancellationToken)
    {
        var random = new Random(index);
        try
        {
            // Spread the bots over the tick so that they do not all send in the same millisecond.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(50)), cancellationToken);
            using var timer = new PeriodicTimer(InputInterval);
            long seq = 0;
            double dx = 1, dy = 0;
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (connection is not { State: HubConnectionState.Connected } hub)
                {
                    continue;
                }

                if (seq % 20 == 0)
                {
                    var angle = random.NextDouble() * Math.Tau;
                    (dx, dy) = (Math.Round(Math.Cos(angle), 3), Math.Round(Math.Sin(angle), 3));
                }

                seq++;
                lock (pending)
                {
                    pending.Enqueue((seq, Stopwatch.GetTimestamp()));
                }

                await hub.SendAsync("Input", new BotInput(seq, dx, dy), cancellationToken);
                metrics.InputSent();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.WebSockets.WebSocketException)
        {
            metrics.Error("send_failed");
        }
    }

    private Task OnClosedAsync(Exception? error)
    {
        if (!stopping.IsCancellationRequested)
        {
            dropped = true;
            metrics.Disconnect();
        }

        return Task.CompletedTask;
    }
}

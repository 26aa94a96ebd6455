using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>
/// A player through nginx with the .NET SignalR client: a session token, a hub connection that reconnects on its
/// own, pongs for pings, and steering inputs a few times a second; records snapshots, room states and closings.
/// </summary>
public sealed class GamePlayer : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<(SnapshotDto Snapshot, long At)> snapshots = [];
    private readonly List<Closing> closings = [];
    private readonly List<JoinResultDto> roomStates = [];
    private readonly CancellationTokenSource stop = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? steering;
    private long seq;

    private GamePlayer(SessionResponse session, HubConnection connection)
    {
        Session = session;
        Connection = connection;
    }

    /// <summary>The session (player id, token).</summary>
    public SessionResponse Session { get; }

    /// <summary>The player id.</summary>
    public string Id => Session.PlayerId;

    /// <summary>The hub connection.</summary>
    public HubConnection Connection { get; }

    /// <summary>Snapshots with their <see cref="Stopwatch"/> arrival timestamps.</summary>
    public IReadOnlyList<(SnapshotDto Snapshot, long At)> Snapshots { get { lock (gate) { return [.. snapshots]; } } }

    /// <summary>Closing messages received.</summary>
    public IReadOnlyList<Closing> Closings { get { lock (gate) { return [.. closings]; } } }

    /// <summary>RoomState pushes received (a resumed seat).</summary>
    public IReadOnlyList<JoinResultDto> RoomStates { get { lock (gate) { return [.. roomStates]; } } }

    /// <summary>Creates a session through nginx and connects to the hub.</summary>
    public static async Task<GamePlayer> ConnectAsync(Uri url, HttpClient http, string name)
    {
        using var response = await http.PostAsJsonAsync(new Uri(url, "api/sessions"), new { name });
        response.EnsureSuccessStatusCode();
        var session = await response.Content.ReadFromJsonAsync<SessionResponse>() ?? throw new InvalidOperationException("no session");
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "hubs/game"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(session.Token))
            .WithAutomaticReconnect(new SteadyRetry())
            .Build();
        var player = new GamePlayer(session, connection);
        connection.On<SnapshotDto>("Snapshot", s => player.Record(player.snapshots, (s, Stopwatch.GetTimestamp())));
        connection.On<Closing>("Closing", c => player.Record(player.closings, c));
        connection.On<JoinResultDto>("RoomState", r => player.Record(player.roomStates, r));
        connection.On<Ping>("Ping", async p =>
        {
            try
            {
                await connection.SendAsync("Pong", new { seq = p.Seq });
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
            {
                // Reconnecting: the next ping gets its pong.
            }
        });
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return player;
    }

    /// <summary>Creates a private room and takes a seat in it.</summary>
    public Task<JoinResultDto> CreateRoomAsync() =>
        Connection.InvokeAsync<JoinResultDto>("CreateRoom", new { isPrivate = true }).WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Joins the room by code.</summary>
    public Task<JoinResultDto> JoinRoomAsync(string roomId) =>
        Connection.InvokeAsync<JoinResultDto>("JoinRoom", new { roomId }).WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Starts sending a slow steering input every 200 ms (a player at the keyboard; also the room's "next call").</summary>
    public void StartSteering(double dx, double dy)
    {
        steering = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                if (Connection.State != HubConnectionState.Connected)
                {
                    continue;
                }

                try
                {
                    await Connection.SendAsync("Input", new { seq = Interlocked.Increment(ref seq), dx, dy }, stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException || (e is OperationCanceledException && !stop.IsCancellationRequested))
                {
                    // The connection dropped between the check and the send; the next tick tries again.
                }
            }
        });
    }

    /// <summary>Waits, with a bound, until the recorded messages satisfy <paramref name="done"/>.</summary>
    public async Task WaitForAsync(Func<GamePlayer, bool> done, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }

            if (done(this))
            {
                return;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"player {Id}: timed out after {timeout.TotalSeconds:0.#} s waiting for {what} (connection {Connection.State}, {Snapshots.Count} snapshots)");
            }

            try
            {
                await signal.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Checked once more, then reported.
            }
        }
    }

    /// <summary>The longest time between consecutive snapshots that arrived after <paramref name="since"/>, counting from it.</summary>
    public TimeSpan LongestGapSince(long since)
    {
        var previous = since;
        var longest = TimeSpan.Zero;
        foreach (var (_, at) in Snapshots.Where(s => s.At > since))
        {
            var gap = Stopwatch.GetElapsedTime(previous, at);
            longest = gap > longest ? gap : longest;
            previous = at;
        }

        return longest;
    }

    /// <summary>The first snapshot that arrived after <paramref name="since"/>, with the time it took.</summary>
    public (SnapshotDto Snapshot, TimeSpan After)? FirstSnapshotAfter(long since) =>
        Snapshots.Where(s => s.At > since).Select(s => ((SnapshotDto, TimeSpan)?)(s.Snapshot, Stopwatch.GetElapsedTime(since, s.At))).FirstOrDefault();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (steering is not null)
        {
            try
            {
                await steering.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        await Connection.DisposeAsync();
        stop.Dispose();
    }

    private void Record<T>(List<T> list, T item)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            list.Add(item);
            signal = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>Reconnects every 250 ms for up to a minute: the tests want to see how fast play resumes.</summary>
    private sealed class SteadyRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromMinutes(1) ? TimeSpan.FromMilliseconds(250) : null;
    }
}

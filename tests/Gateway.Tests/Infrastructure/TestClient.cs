using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>A real SignalR client that records what the server pushes and answers pings.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Channel<Snapshot> _snapshots = Channel.CreateUnbounded<Snapshot>();
    private readonly Channel<ErrorMessage> _errors = Channel.CreateUnbounded<ErrorMessage>();
    private readonly Channel<ChatMessage> _chats = Channel.CreateUnbounded<ChatMessage>();
    private readonly Channel<JoinResult> _roomStates = Channel.CreateUnbounded<JoinResult>();
    private readonly Lock _timesLock = new();
    private readonly List<long> _snapshotTimes = [];
    private readonly TaskCompletionSource<Closing> _closing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestClient(HubConnection connection, SessionResponse session)
    {
        Connection = connection;
        Session = session;
        connection.On<Snapshot>("Snapshot", snapshot =>
        {
            lock (_timesLock)
            {
                _snapshotTimes.Add(Stopwatch.GetTimestamp());
            }

            _snapshots.Writer.TryWrite(snapshot);
        });
        connection.On<ErrorMessage>("Error", error => _errors.Writer.TryWrite(error));
        connection.On<ChatMessage>("Chat", chat => _chats.Writer.TryWrite(chat));
        connection.On<JoinResult>("RoomState", state => _roomStates.Writer.TryWrite(state));
        connection.On<Closing>("Closing", closing => _closing.TrySetResult(closing));
        connection.On<Ping>("Ping", ping => AnswerPings ? connection.SendAsync("Pong", new PongMessage(ping.Seq)) : Task.CompletedTask);
        connection.Closed += exception =>
        {
            _closed.TrySetResult(exception);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public SessionResponse Session { get; }

    public string PlayerId => Session.PlayerId;

    public bool AnswerPings { get; set; } = true;

    public Task<Closing> Closing => _closing.Task;

    public Task<Exception?> Closed => _closed.Task;

    public Task<JoinResult> QuickJoinAsync() => Connection.InvokeAsync<JoinResult>("JoinRoom", new JoinRoomRequest(null));

    public Task<JoinResult> JoinAsync(string roomId) => Connection.InvokeAsync<JoinResult>("JoinRoom", new JoinRoomRequest(roomId));

    public Task<JoinResult> CreateRoomAsync(bool isPrivate) => Connection.InvokeAsync<JoinResult>("CreateRoom", new CreateRoomRequest(isPrivate));

    public Task SendInputAsync(long seq, double dx, double dy) => Connection.SendAsync("Input", new InputMessage(seq, dx, dy));

    public Task SendChatAsync(string text) => Connection.SendAsync("Chat", new ChatRequest(text));

    public async Task<Snapshot> WaitForSnapshotAsync(Func<Snapshot, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            var snapshot = await _snapshots.Reader.ReadAsync(cancellation.Token);
            if (predicate(snapshot))
            {
                return snapshot;
            }
        }
    }

    public async Task<ErrorMessage> WaitForErrorAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultWait);
        return await _errors.Reader.ReadAsync(cancellation.Token);
    }

    public async Task<ChatMessage> WaitForChatAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultWait);
        return await _chats.Reader.ReadAsync(cancellation.Token);
    }

    public async Task<JoinResult> WaitForRoomStateAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultWait);
        return await _roomStates.Reader.ReadAsync(cancellation.Token);
    }

    public bool TryTakeError(out ErrorMessage? error) => _errors.Reader.TryRead(out error);

    /// <summary>Snapshot arrival times (Stopwatch ticks) from <paramref name="since"/> on.</summary>
    public IReadOnlyList<long> SnapshotTimesSince(long since)
    {
        lock (_timesLock)
        {
            return _snapshotTimes.Where(t => t >= since).ToList();
        }
    }

    /// <summary>The longest gap between consecutive snapshots in the window, and how many arrived.</summary>
    public (TimeSpan LongestGap, int Count) SnapshotStats(long from, long to)
    {
        List<long> times;
        lock (_timesLock)
        {
            times = _snapshotTimes.Where(t => t >= from && t <= to).ToList();
        }

        var longest = TimeSpan.Zero;
        for (var i = 1; i < times.Count; i++)
        {
            var gap = Stopwatch.GetElapsedTime(times[i - 1], times[i]);
            longest = gap > longest ? gap : longest;
        }

        return (longest, times.Count);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

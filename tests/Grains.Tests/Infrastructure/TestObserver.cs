using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>How a test connection behaves when the grains push to it.</summary>
public enum ObserverBehaviour
{
    Healthy,
    Throws,
    NeverAnswers,
}

/// <summary>
/// Stands in for a gateway connection: records everything pushed to it and lets a test wait, with a bound,
/// for what it expects. Answers pings (after <see cref="PongDelay"/>) when given the player's grain.
/// </summary>
public sealed class TestObserver(IPlayerGrain? answerPingsFor) : IPlayerObserver
{
    private readonly Lock gate = new();
    private readonly List<Snapshot> snapshots = [];
    private readonly List<RoomEvent> events = [];
    private readonly List<ErrorMessage> errors = [];
    private readonly List<Closing> closings = [];
    private readonly List<JoinResult> roomStates = [];
    private readonly List<ChatMessage> chats = [];
    private readonly List<Ping> pings = [];
    private TaskCompletionSource changed = NewSignal();

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public ObserverBehaviour Behaviour { get; set; } = ObserverBehaviour.Healthy;

    public TimeSpan PongDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<Snapshot> Snapshots => Copy(snapshots);

    public IReadOnlyList<RoomEvent> Events => Copy(events);

    public IReadOnlyList<ErrorMessage> Errors => Copy(errors);

    public IReadOnlyList<Closing> Closings => Copy(closings);

    public IReadOnlyList<JoinResult> RoomStates => Copy(roomStates);

    public IReadOnlyList<ChatMessage> Chats => Copy(chats);

    public IReadOnlyList<Ping> Pings => Copy(pings);

    public Task OnSnapshotAsync(Snapshot snapshot) => Record(snapshots, snapshot);

    public Task OnRoomStateAsync(JoinResult state) => Record(roomStates, state);

    public Task OnChatAsync(ChatMessage message) => Record(chats, message);

    public Task OnRoomEventAsync(RoomEvent roomEvent) => Record(events, roomEvent);

    public Task OnErrorAsync(ErrorMessage error) => Record(errors, error);

    public Task OnClosingAsync(Closing closing) => Record(closings, closing);

    public async Task OnPingAsync(Ping ping)
    {
        await Record(pings, ping);
        if (answerPingsFor is not null && Behaviour == ObserverBehaviour.Healthy)
        {
            if (PongDelay > TimeSpan.Zero)
            {
                // Simulates network latency so that the measured round trip is visible.
                await Task.Delay(PongDelay);
            }

            await answerPingsFor.PongAsync(ping.Seq);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> finds something, failing after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<TestObserver, T?> probe, TimeSpan? timeout = null, string? what = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }

            if (probe(this) is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"timed out waiting for {what ?? "the expected push"}");
            }

            try
            {
                await signal.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Loop once more: the probe gets a last look before failing.
            }
        }
    }

    /// <summary>Waits for a snapshot matching <paramref name="match"/>.</summary>
    public Task<Snapshot> WaitForSnapshotAsync(Func<Snapshot, bool> match, TimeSpan? timeout = null, string? what = null) =>
        WaitForAsync(o => o.Snapshots.LastOrDefault(match), timeout, what ?? "a matching snapshot");

    /// <summary>Waits for a room event of <paramref name="type"/> matching <paramref name="match"/>.</summary>
    public Task<RoomEvent> WaitForEventAsync(string type, Func<RoomEvent, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(o => o.Events.FirstOrDefault(e => e.Type == type && (match?.Invoke(e) ?? true)), timeout, $"room event {type}");

    private Task Record<T>(List<T> list, T item)
    {
        if (Behaviour == ObserverBehaviour.Throws)
        {
            throw new InvalidOperationException("this test connection always fails");
        }

        TaskCompletionSource signal;
        lock (gate)
        {
            list.Add(item);
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
        return Behaviour == ObserverBehaviour.NeverAnswers ? new TaskCompletionSource().Task : Task.CompletedTask;
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (gate)
        {
            return [.. list];
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

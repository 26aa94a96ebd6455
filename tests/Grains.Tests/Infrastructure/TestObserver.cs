using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
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
/// for what it expects. Reads the arena's messages as an arena client does: the <c>Snapshot</c> state, <c>Chat</c>,
/// and every <c>RoomEvent</c> (the arena's round events and the host's seat changes) into one list. Answers pings
/// (after <see cref="PongDelay"/>) when given the player's grain.
/// </summary>
public sealed class TestObserver(IPlayerGrain? answerPingsFor) : IPlayerObserver
{
    private readonly Lock gate = new();
    private readonly List<ServerMessage> messages = [];
    private readonly List<Snapshot> snapshots = [];
    private readonly List<ArenaRoomEvent> events = [];
    private readonly List<ErrorMessage> errors = [];
    private readonly List<Closing> closings = [];
    private readonly List<ArenaJoinResult> roomStates = [];
    private readonly List<ChatMessage> chats = [];
    private readonly List<Ping> pings = [];
    private TaskCompletionSource changed = NewSignal();

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public ObserverBehaviour Behaviour { get; set; } = ObserverBehaviour.Healthy;

    public TimeSpan PongDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Every message of the room's mode, as it came.</summary>
    public IReadOnlyList<ServerMessage> Messages => Copy(messages);

    public IReadOnlyList<Snapshot> Snapshots => Copy(snapshots);

    public IReadOnlyList<ArenaRoomEvent> Events => Copy(events);

    public IReadOnlyList<ErrorMessage> Errors => Copy(errors);

    public IReadOnlyList<Closing> Closings => Copy(closings);

    public IReadOnlyList<ArenaJoinResult> RoomStates => Copy(roomStates);

    public IReadOnlyList<ChatMessage> Chats => Copy(chats);

    public IReadOnlyList<Ping> Pings => Copy(pings);

    public Task OnMessageAsync(ServerMessage message) => Record(() =>
    {
        messages.Add(message);
        switch (message.Method)
        {
            case ArenaMessageTypes.Snapshot:
                snapshots.Add(ArenaWire.Read<Snapshot>(message.Payload));
                break;
            case ArenaMessageTypes.Chat:
                chats.Add(ArenaWire.Read<ChatMessage>(message.Payload));
                break;
            case ArenaMessageTypes.RoomEvent:
                events.Add(ArenaWire.Read<ArenaRoomEvent>(message.Payload));
                break;
            default:
                break;
        }
    });

    public Task OnRoomStateAsync(JoinedRoom room) => Record(roomStates, room.ToArena());

    public Task OnRoomEventAsync(RoomEvent roomEvent) => Record(events, new ArenaRoomEvent(roomEvent.Type, roomEvent.PlayerId, roomEvent.Name));

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
    public Task<ArenaRoomEvent> WaitForEventAsync(string type, Func<ArenaRoomEvent, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(o => o.Events.FirstOrDefault(e => e.Type == type && (match?.Invoke(e) ?? true)), timeout, $"room event {type}");

    private Task Record<T>(List<T> list, T item) => Record(() => list.Add(item));

    private Task Record(Action add)
    {
        if (Behaviour == ObserverBehaviour.Throws)
        {
            throw new InvalidOperationException("this test connection always fails");
        }

        TaskCompletionSource signal;
        lock (gate)
        {
            add();
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

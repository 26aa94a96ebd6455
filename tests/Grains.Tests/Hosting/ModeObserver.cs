using System.Text.Json;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>Stands in for a gateway connection of the mode host tests: records every push.</summary>
public sealed class ModeObserver : IPlayerObserver
{
    private readonly Lock gate = new();
    private readonly List<ServerMessage> messages = [];
    private readonly List<ErrorMessage> errors = [];
    private readonly List<RoomEvent> events = [];

    public IReadOnlyList<ServerMessage> Messages => Copy(messages);

    public IReadOnlyList<ErrorMessage> Errors => Copy(errors);

    public IReadOnlyList<RoomEvent> Events => Copy(events);

    public Task OnMessageAsync(ServerMessage message) => Record(messages, message);

    public Task OnRoomStateAsync(JoinedRoom room) => Task.CompletedTask;

    public Task OnPingAsync(Ping ping) => Task.CompletedTask;

    public Task OnRoomEventAsync(RoomEvent roomEvent) => Record(events, roomEvent);

    public Task OnErrorAsync(ErrorMessage error) => Record(errors, error);

    public Task OnClosingAsync(Closing closing) => Task.CompletedTask;

    /// <summary>The states received, read as <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> States<T>() =>
        [.. Messages.Where(static m => m.Method == "State").Select(static m => Read<T>(m.Payload))];

    /// <summary>Waits for a state of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<T> WaitForStateAsync<T>(Func<T, bool> match, string what)
        where T : class =>
        (await Eventually.WaitAsync(() => Task.FromResult(States<T>().LastOrDefault(match)), static s => s is not null, what))!;

    /// <summary>Waits for an error of <paramref name="code"/>.</summary>
    public Task<ErrorMessage?> WaitForErrorAsync(string code) =>
        Eventually.WaitAsync(() => Task.FromResult(Errors.FirstOrDefault(e => e.Code == code)), static e => e is not null, $"an error {code}");

    /// <summary>Waits for a room event matching <paramref name="match"/> (events are pushed one-way, so they may still be on their way).</summary>
    public Task<RoomEvent?> WaitForEventAsync(Func<RoomEvent, bool> match, string what) =>
        Eventually.WaitAsync(() => Task.FromResult(Events.FirstOrDefault(match)), static e => e is not null, what);

    public static T Read<T>(JsonPayload payload) => JsonSerializer.Deserialize<T>(payload.Utf8, RoomJson.Options)!;

    private Task Record<T>(List<T> list, T item)
    {
        lock (gate)
        {
            list.Add(item);
        }

        return Task.CompletedTask;
    }

    private List<T> Copy<T>(List<T> list)
    {
        lock (gate)
        {
            return [.. list];
        }
    }
}

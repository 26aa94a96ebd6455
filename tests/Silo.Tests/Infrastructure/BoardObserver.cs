using System.Diagnostics;
using System.Text.Json;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// Stands in for a gateway connection of a Four in a Row player: records each <c>State</c> with its arrival time and,
/// like the gateway, answers <see cref="IPlayerObserver.OnRoomMovingAsync"/> by calling the room again.
/// </summary>
public sealed class BoardObserver(IGrainFactory grains) : IPlayerObserver
{
    private readonly Arrivals<BoardState> states = new();

    /// <summary>The states received so far, with their <see cref="Stopwatch"/> arrival timestamps.</summary>
    public IReadOnlyList<(BoardState State, long At)> States => states.All;

    /// <summary>Waits, with a bound, for a state that satisfies <paramref name="done"/> and returns it (the latest such).</summary>
    public async Task<BoardState> WaitForAsync(Func<BoardState, long, bool> done, string what, TimeSpan timeout)
    {
        BoardState? found = null;
        await states.WaitForAsync(
            all => (found = all.LastOrDefault(s => done(s.Value, s.At)).Value) is not null,
            what,
            timeout,
            static all => $"last state: {(all is [.., var (last, _)] ? last : null)}");
        return found!;
    }

    /// <inheritdoc/>
    public Task OnMessageAsync(ServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Method != "State")
        {
            return Task.CompletedTask;
        }

        var state = JsonSerializer.Deserialize<BoardState>(message.Payload.Utf8, RoomJson.Options)
            ?? throw new InvalidOperationException("the State payload is null");
        states.Add(state);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task OnRoomMovingAsync(string roomId)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await grains.GetGrain<IRoomGrain>(roomId).GetInfoAsync().WaitAsync(TimeSpan.FromSeconds(5));
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // As the gateway does: the old activation may still be finishing; call again.
            }
        }
    }

    /// <inheritdoc/>
    public Task OnRoomStateAsync(JoinedRoom room) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task OnPingAsync(Ping ping) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task OnRoomEventAsync(RoomEvent roomEvent) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task OnErrorAsync(ErrorMessage error) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task OnClosingAsync(Closing closing) => Task.CompletedTask;
}

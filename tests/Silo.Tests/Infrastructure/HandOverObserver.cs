using System.Diagnostics;
using System.Text.Json;
using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// Stands in for a gateway connection during a hand-over: records each of the arena's snapshots (its <c>Snapshot</c>
/// state) with its arrival time and, like the gateway, answers <see cref="IPlayerObserver.OnRoomMovingAsync"/> by
/// calling the room again.
/// </summary>
public sealed class HandOverObserver(IGrainFactory grains) : IPlayerObserver
{
    private readonly Arrivals<Snapshot> snapshots = new();
    private int movingNotices;

    /// <summary>How many times the room said it was moving.</summary>
    public int MovingNotices => Volatile.Read(ref movingNotices);

    /// <summary>The snapshots received so far, with their <see cref="Stopwatch"/> arrival timestamps.</summary>
    public IReadOnlyList<(Snapshot Snapshot, long At)> Snapshots => snapshots.All;

    /// <summary>The latest snapshot, or null.</summary>
    public Snapshot? Last => snapshots.All is [.., var (last, _)] ? last : null;

    /// <summary>The longest time between two consecutive snapshots that arrived at or after <paramref name="since"/>.</summary>
    public TimeSpan LongestGapSince(long since)
    {
        var arrivals = Snapshots.Select(s => s.At).ToList();
        var longest = TimeSpan.Zero;
        for (var i = 1; i < arrivals.Count; i++)
        {
            if (arrivals[i] >= since)
            {
                var gap = Stopwatch.GetElapsedTime(Math.Max(arrivals[i - 1], since), arrivals[i]);
                longest = gap > longest ? gap : longest;
            }
        }

        return longest;
    }

    /// <summary>Waits, with a bound, until the received snapshots satisfy <paramref name="done"/>.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<(Snapshot Snapshot, long At)>, bool> done, string what, TimeSpan timeout) =>
        snapshots.WaitForAsync(all => done(all), what, timeout, static all => $"last snapshot: {(all is [.., var (last, _)] ? last : null)}");

    /// <inheritdoc/>
    public Task OnMessageAsync(ServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Method != ArenaMessageTypes.Snapshot)
        {
            return Task.CompletedTask;
        }

        var snapshot = JsonSerializer.Deserialize<Snapshot>(message.Payload.Utf8, RoomJson.Options)
            ?? throw new InvalidOperationException("the Snapshot payload is null");
        snapshots.Add(snapshot);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task OnRoomMovingAsync(string roomId)
    {
        Interlocked.Increment(ref movingNotices);
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

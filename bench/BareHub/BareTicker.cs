using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.BareHub;

/// <summary>
/// Every 50 ms, for every room, builds one snapshot of the game's shape (the same fields and sizes) and sends it to
/// the room's group: SignalR serialises it once per protocol for the whole group. A ping goes to everyone every 2 s.
/// </summary>
internal sealed class BareTicker(BareRooms rooms, IHubContext<BareGameHub> hub, TimeProvider time) : BackgroundService
{
    private const int TicksPerPing = 40;
    private const double Step = 200 * 0.05;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50), time);
        long ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                foreach (var room in rooms.All())
                {
                    var snapshot = Build(room, now);
                    _ = hub.Clients.Group(room.Id).SendAsync("Snapshot", snapshot, stoppingToken);
                }

                if (++ticks % TicksPerPing == 0)
                {
                    rooms.LastPing = (ticks / TicksPerPing, Stopwatch.GetTimestamp());
                    _ = hub.Clients.All.SendAsync("Ping", new Ping(ticks / TicksPerPing, now), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static Snapshot Build(BareRoom room, long now)
    {
        lock (room)
        {
            room.Tick++;
            var players = new PlayerState[room.Members.Count];
            for (var i = 0; i < players.Length; i++)
            {
                var m = room.Members[i];
                m.X = Math.Clamp(m.X + (m.Dx * Step), 20, 980);
                m.Y = Math.Clamp(m.Y + (m.Dy * Step), 20, 980);
                players[i] = new PlayerState(m.PlayerId, Math.Round(m.X * 10) / 10, Math.Round(m.Y * 10) / 10, 0, m.LastSeq, m.RttMs, false);
            }

            return new Snapshot(room.Id, room.Tick, now, "playing", 30_000, players, []);
        }
    }
}

using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Client;

namespace OrleansGame.Samples.ArenaBot;

/// <summary>What a bot did in its game.</summary>
internal sealed record BotStats(string RoomId, int Inputs, int Snapshots, int Score, int Errors);

/// <summary>A bot: joins an arena, steers toward the nearest orb, answers pings (the SDK does), leaves when its time is up.</summary>
internal static class Bot
{
    public static async Task<BotStats> PlayAsync(GameClient client, string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var time = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        time.CancelAfter(duration);
        await client.CreateSessionAsync(name, cancellationToken);
        var room = await client.JoinOrCreateAsync("arena", cancellationToken: cancellationToken);
        var orbs = room.JoinResultAs<ArenaJoinState>().Orbs.ToDictionary(orb => orb.Id);
        PlayerState? me = null;
        int snapshots = 0, inputs = 0, errors = 0;
        room.OnError(_ => Interlocked.Increment(ref errors));
        room.OnState<Snapshot>(snapshot =>
        {
            lock (orbs)
            {
                foreach (var orb in snapshot.Orbs ?? [])
                {
                    orbs[orb.Id] = orb; // only the orbs that moved this tick
                }

                me = snapshot.Players.FirstOrDefault(player => player.PlayerId == room.PlayerId);
                snapshots++;
            }
        });

        var heading = (Dx: 0.0, Dy: 0.0);
        using var steer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await steer.WaitForNextTickAsync(time.Token))
            {
                (double Dx, double Dy) wanted;
                lock (orbs)
                {
                    wanted = me is null ? heading : Toward(me, orbs.Values.MinBy(orb => Distance(me, orb)));
                }

                // A new input only when the direction changes by more than a few degrees: well within 30 a second.
                if (Math.Abs(wanted.Dx - heading.Dx) + Math.Abs(wanted.Dy - heading.Dy) > 0.05)
                {
                    heading = wanted;
                    await room.SendAsync(ArenaMessageTypes.Input, new InputMessage(++inputs, wanted.Dx, wanted.Dy), time.Token);
                }
            }
        }
        catch (OperationCanceledException) when (time.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Time is up.
        }

        await room.LeaveAsync(cancellationToken);
        lock (orbs)
        {
            return new BotStats(room.Id, inputs, snapshots, me?.Score ?? 0, errors);
        }
    }

    private static double Distance(PlayerState me, OrbState orb) => Math.Pow(orb.X - me.X, 2) + Math.Pow(orb.Y - me.Y, 2);

    private static (double Dx, double Dy) Toward(PlayerState me, OrbState? orb)
    {
        var length = orb is null ? 0 : Math.Sqrt(Distance(me, orb));
        return length < 1 ? (0, 0) : (Math.Round((orb!.X - me.X) / length, 3), Math.Round((orb.Y - me.Y) / length, 3));
    }
}

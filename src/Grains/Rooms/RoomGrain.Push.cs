using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>Pushing to members' connections without ever waiting on one.</summary>
internal sealed partial class RoomGrain
{
    private readonly Dictionary<IGatewayObserver, List<GrainId>> byGateway = [];

    /// <summary>
    /// Pushes one tick's snapshot to every connected member: one message per gateway for the members connected through
    /// one (which sends it on to them together), one per member for the others.
    /// </summary>
    /// <returns>How many members it went to.</returns>
    private int PushSnapshot(Snapshot snapshot)
    {
        var pushed = 0;
        foreach (var member in members.Values)
        {
            if (member.Observer is not { } observer)
            {
                continue;
            }

            pushed++;
            if (member.Gateway is { } gateway)
            {
                if (!byGateway.TryGetValue(gateway, out var observers))
                {
                    byGateway[gateway] = observers = [];
                }

                observers.Add(observer.GetGrainId());
            }
            else
            {
                Push(observer, snapshot, static (o, s) => o.OnSnapshotAsync(s));
            }
        }

        foreach (var (gateway, observers) in byGateway)
        {
            ObserverPush.Send(logger, gateway, (Snapshot: snapshot, Observers: observers.ToArray()), static (g, p) => g.OnSnapshotAsync(p.Snapshot, p.Observers));
        }

        byGateway.Clear();
        return pushed;
    }

    private void BroadcastEvent(RoomEvent roomEvent, string? except)
    {
        foreach (var member in members.Values)
        {
            if (member.Observer is { } observer && member.PlayerId != except)
            {
                Push(observer, roomEvent, static (o, e) => o.OnRoomEventAsync(e));
            }
        }
    }

    private void Push<T>(IPlayerObserver target, T payload, Func<IPlayerObserver, T, Task> send) =>
        ObserverPush.Send(logger, target, payload, send);
}

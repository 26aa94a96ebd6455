using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>Pushing to members' connections without ever waiting on one.</summary>
internal sealed partial class RoomGrain
{
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

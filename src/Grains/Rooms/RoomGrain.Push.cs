using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Grains.Rooms;

/// <summary>Pushing to members' connections without ever waiting on one.</summary>
internal sealed partial class RoomGrain
{
    private readonly Dictionary<IGatewayObserver, List<GrainId>> byGateway = [];
    // The compact encoding's stream: this activation's states, numbered; the gateways diff them.
    private readonly long stateStream = Random.Shared.NextInt64(1, long.MaxValue);
    private long stateFrame;

    /// <summary>The mode's quantised members (<see cref="ModeSettings.Quantize"/>) as every frame carries them, made once.</summary>
    private JsonPayload? stateSteps;

    /// <inheritdoc />
    void IRoomOutput.Push(string playerId, ServerMessage message)
    {
        if (seats.TryGetValue(playerId, out var seat) && seat.Observer is { } observer)
        {
            Push(observer, message, static (o, m) => o.OnMessageAsync(m));
        }
    }

    /// <inheritdoc />
    void IRoomOutput.PushError(string playerId, ErrorMessage error)
    {
        if (seats.TryGetValue(playerId, out var seat))
        {
            PushError(seat, error.Code, error.Message);
        }
    }

    /// <inheritdoc />
    void IRoomOutput.Record(GameResult result)
    {
        var stats = new RoundStats(RoomId, result.Score, result.Counted, result.Won);
        _ = GrainFactory.GetGrain<IPlayerGrain>(result.PlayerId).RecordRoundAsync(stats);
    }

    /// <summary>
    /// Pushes the tick's state: with one state for all, serialised once and sent as one message per gateway for the
    /// members connected through one (which writes it on to them together) and one per member for the others; with a
    /// state per member, one message each.
    /// </summary>
    /// <returns>False when the mode failed to produce it.</returns>
    private bool PushState()
    {
        var pushed = settings!.StatePerMember ? PushStatePerMember() : PushSharedState();
        if (pushed < 0)
        {
            return false;
        }

        metrics.SnapshotsPushed(pushed);
        return true;
    }

    private int PushSharedState()
    {
        var serverTime = time.GetUtcNow().ToUnixTimeMilliseconds();
        ServerMessage? message = null;
        if (!Guard(() => message = StateMessage(mode!.GetState(state!, room!, null)), "GetState"))
        {
            return -1;
        }

        if (message is null)
        {
            return 0;
        }

        var pushed = 0;
        foreach (var seat in seats.Values)
        {
            if (seat.Observer is not { } observer)
            {
                continue;
            }

            pushed++;
            if (seat.Gateway is { } gateway)
            {
                if (!byGateway.TryGetValue(gateway, out var observers))
                {
                    byGateway[gateway] = observers = [];
                }

                observers.Add(observer.GetGrainId());
            }
            else
            {
                Push(observer, message, static (o, m) => o.OnMessageAsync(m));
            }
        }

        // The compact encoding is the gateways' to choose per connection; members pushed to directly get the full state.
        StateFrame? frame = null;
        if (byGateway.Count > 0)
        {
            stateSteps ??= new JsonPayload(StateSteps.Of(settings!.Quantize).Json);
            frame = new StateFrame(stateStream, ++stateFrame, stateSteps);
        }

        foreach (var (gateway, observers) in byGateway)
        {
            ObserverPush.Send(
                logger, gateway, (Message: message, Frame: frame, Time: serverTime, Observers: observers.ToArray()),
                static (g, p) => g.OnStateAsync(p.Message, p.Frame, p.Time, p.Observers));
        }

        byGateway.Clear();
        return pushed;
    }

    private int PushStatePerMember()
    {
        var pushed = 0;
        foreach (var seat in seats.Values)
        {
            if (seat.Observer is not { } observer)
            {
                continue;
            }

            ServerMessage? message = null;
            if (!Guard(() => message = StateMessage(mode!.GetState(state!, room!, seat.Member)), "GetState"))
            {
                return -1;
            }

            if (message is not null)
            {
                Push(observer, message, static (o, m) => o.OnMessageAsync(m));
                pushed++;
            }
        }

        return pushed;
    }

    private ServerMessage? StateMessage(object? view) =>
        view is null ? null : new ServerMessage(settings!.StateMethod, RoomContext.Serialize(view));

    private void BroadcastEvent(RoomEvent roomEvent, string? except)
    {
        foreach (var seat in seats.Values)
        {
            if (seat.Observer is { } observer && seat.PlayerId != except)
            {
                Push(observer, roomEvent, static (o, e) => o.OnRoomEventAsync(e));
            }
        }
    }

    private void Push<T>(IPlayerObserver target, T payload, Func<IPlayerObserver, T, Task> send) =>
        ObserverPush.Send(logger, target, payload, send);
}

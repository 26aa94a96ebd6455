using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;
using Orleans.Runtime.Placement;

namespace OrleansGame.Grains.Rooms;

/// <summary>What the operations console sees of a room and does to it: inspect, close, move.</summary>
internal sealed partial class RoomGrain
{
    /// <inheritdoc />
    public Task<RoomView?> InspectAsync()
    {
        if (room is null)
        {
            this.DeactivateOnIdle();
            return Task.FromResult<RoomView?>(null);
        }

        var members = room.Members.Select(m => new RoomMemberView(m.PlayerId, m.Name, m.JoinedAt, m.IsAway, seats[m.PlayerId].AwaySince, m.RttMs)).ToList();
        return Task.FromResult<RoomView?>(new RoomView(
            Info(), SiloAddress, activeSince, room.Tick, settings!.TickInterval.TotalMilliseconds, lateness.TotalMilliseconds,
            members, SpectatorState(), settings.StateMethod, recent.NewestFirst()));
    }

    /// <inheritdoc />
    public async Task<bool> CloseRoomAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (room is null)
        {
            this.DeactivateOnIdle();
            return false;
        }

        LogClosedByOperator(RoomId, reason, seats.Count);
        var error = new ErrorMessage(ErrorCodes.RoomClosed, reason);
        foreach (var seat in seats.Values)
        {
            if (seat.Observer is { } observer)
            {
                Push(observer, error, static (o, e) => o.OnErrorAsync(e));
                Push(observer, new RoomEvent(RoomEventTypes.PlayerLeft, seat.PlayerId), static (o, e) => o.OnRoomEventAsync(e));
            }

            _ = GrainFactory.GetGrain<IPlayerGrain>(seat.PlayerId).OnSeatReleasedAsync(RoomId);
        }

        Guard(() => mode!.OnTerminate(state!, room, TerminateReason.Closed), "OnTerminate");
        await CloseAsync();
        return true;
    }

    /// <inheritdoc />
    public Task<bool> MoveAsync(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (silo.Equals(ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress))
        {
            throw new ArgumentException($"room {RoomId} already runs on silo {silo}", nameof(silo));
        }

        if (room is null)
        {
            this.DeactivateOnIdle();
            return Task.FromResult(false);
        }

        // Orleans' migration: the activation deactivates (OnDeactivateAsync writes the checkpoint, as in a hand-over)
        // and is placed again on the silo the hint names, where it resumes from that checkpoint.
        LogMoving(RoomId, silo.ToString());
        Note(RoomLogCodes.Moving, $"an operator moves the room from silo {SiloAddress} to silo {silo.ToParsableString()}");
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        this.MigrateOnIdle();
        return Task.FromResult(true);
    }

    /// <summary>The state the mode shows a spectator (no viewer); null when it shows none or fails to.</summary>
    private JsonPayload? SpectatorState()
    {
        try
        {
            return mode!.GetState(state!, room!, null) is { } view ? RoomContext.Serialize(view) : null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A mode that draws per viewer may not expect none: the console shows no state, and the room plays on.
            return null;
        }
    }
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>Seats: join, resume, away, leave, and the seat hold.</summary>
internal sealed partial class RoomGrain
{
    private readonly List<string> expired = [];

    /// <inheritdoc />
    public async Task<JoinOutcome> JoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null, RoomSpec? open = null)
    {
        var opening = room is null && open is not null && !storage.State.Opened;
        if (opening && !await OpenAsync(open!))
        {
            return JoinOutcome.Refused(ErrorCodes.TooManyRooms, "the server runs as many rooms as it may; join an existing room or try again later");
        }

        var outcome = Join(playerId, name, observer, gateway);
        if (opening && outcome.Result is not null)
        {
            creator = playerId;
        }

        return outcome;
    }

    private JoinOutcome Join(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway)
    {
        if (room is null)
        {
            this.DeactivateOnIdle();
            return JoinOutcome.Refused(ErrorCodes.RoomNotFound, $"room {RoomId} does not exist");
        }

        if (seats.TryGetValue(playerId, out var seated))
        {
            Reconnect(seated, observer, gateway);
            return Joined(playerId);
        }

        if (seats.Count >= settings!.Capacity)
        {
            LogRoomRefused(RoomId, playerId, ErrorCodes.RoomFull);
            Note(RoomLogCodes.Refused, $"{name} ({playerId}) refused: {ErrorCodes.RoomFull}", playerId);
            return JoinOutcome.Refused(ErrorCodes.RoomFull, $"room {RoomId} is full");
        }

        if (!room.Joinable)
        {
            LogRoomRefused(RoomId, playerId, ErrorCodes.RoomInProgress);
            Note(RoomLogCodes.Refused, $"{name} ({playerId}) refused: {ErrorCodes.RoomInProgress}", playerId);
            return JoinOutcome.Refused(ErrorCodes.RoomInProgress, $"room {RoomId} has a game under way");
        }

        var member = new Member(playerId, name, time.GetUtcNow());
        var decision = JoinDecision.Accept;
        if (!Guard(() => decision = mode!.CanJoin(state!, room, member), "CanJoin"))
        {
            return Failed();
        }

        if (!decision.Accepted)
        {
            LogRoomRefused(RoomId, playerId, decision.Code!);
            Note(RoomLogCodes.Refused, $"{name} ({playerId}) refused by the mode: {decision.Code}", playerId);
            return JoinOutcome.Refused(decision.Code!, decision.Message!);
        }

        var seat = new Seat(member) { Observer = observer, Gateway = observer is null ? null : gateway };
        seats.Add(playerId, seat);
        room.Add(member);
        emptySince = null;
        abandoned = false;
        checkpointDue = true;
        WakeUp();
        Note(RoomLogCodes.Joined, $"{NameOf(seat)} joined ({seats.Count}/{settings.Capacity})", playerId);
        if (!Guard(() => mode!.OnJoin(state!, room, member), "OnJoin"))
        {
            return Failed();
        }

        NotePhase();

        BroadcastEvent(new RoomEvent(RoomEventTypes.PlayerJoined, playerId, name), except: playerId);
        ReportOccupancy();
        LogJoined(RoomId, playerId, seats.Count);
        return Joined(playerId);
    }

    /// <inheritdoc />
    public Task<JoinedRoom?> ResumeAsync(string playerId, IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        if (room is null)
        {
            this.DeactivateOnIdle();
            return Task.FromResult<JoinedRoom?>(null);
        }

        if (!seats.TryGetValue(playerId, out var seat))
        {
            return Task.FromResult<JoinedRoom?>(null);
        }

        // A seat that was not held (a resync, or a new connection that came before the room heard of the drop) is
        // pushed again, but no seat was taken back.
        var held = seat.AwaySince is not null;
        if (!Reconnect(seat, observer, gateway))
        {
            return Task.FromResult<JoinedRoom?>(null);
        }

        if (held)
        {
            metrics.SeatResumed();
            LogResumedSeat(RoomId, playerId);
        }

        return Task.FromResult<JoinedRoom?>(Joined(playerId).Result);
    }

    /// <inheritdoc />
    public Task SetAwayAsync(string playerId)
    {
        if (room is not null && seats.TryGetValue(playerId, out var seat) && seat.AwaySince is null)
        {
            seat.AwaySince = time.GetUtcNow();
            seat.Observer = null;
            seat.Gateway = null;
            seat.Member.IsAway = true;
            checkpointDue = true;
            Note(RoomLogCodes.Away, $"{NameOf(seat)}'s connection dropped: the seat is held for {settings!.SeatHold.TotalSeconds:0.#} s", playerId);
            Guard(() => mode!.OnLeave(state!, room, seat.Member, LeaveReason.Dropped), "OnLeave");
            NotePhase();
            LogAway(RoomId, playerId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LeaveAsync(string playerId) => LeaveAsync(playerId, kickedFor: null);

    /// <inheritdoc />
    public Task RemoveAsync(string playerId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return LeaveAsync(playerId, reason);
    }

    /// <summary>Releases the seat, which the player left or an operator took (the mode hears <c>Left</c> either way), and ends the room if that leaves it done.</summary>
    private async Task LeaveAsync(string playerId, string? kickedFor)
    {
        Release(playerId, LeaveReason.Left, notifyPlayer: false, kickedFor);
        if (room is not null && EndsNow(time.GetUtcNow()))
        {
            await DisposeRoomAsync();
            return;
        }

        ArmWakeTimer();
    }

    /// <summary>Gives a seat its connection back; false when the mode failed on the player's return.</summary>
    private bool Reconnect(Seat seat, IPlayerObserver? observer, IGatewayObserver? gateway)
    {
        if (observer is not null)
        {
            seat.Observer = observer;
            seat.Gateway = gateway;
        }

        if (seat.AwaySince is null)
        {
            return true;
        }

        seat.AwaySince = null;
        seat.Member.IsAway = false;
        checkpointDue = true;
        WakeUp();
        Note(RoomLogCodes.Resumed, $"{NameOf(seat)} came back to the held seat", seat.PlayerId);
        var returned = Guard(() => mode!.OnReturn(state!, room!, seat.Member), "OnReturn");
        NotePhase();
        return returned;
    }

    private void Release(string playerId, LeaveReason reason, bool notifyPlayer, string? kickedFor = null)
    {
        if (room is null || !seats.Remove(playerId, out var seat))
        {
            return;
        }

        var (code, text) = (reason, kickedFor) switch
        {
            (_, { } why) => (RoomLogCodes.Kicked, $"{NameOf(seat)} kicked by an operator: {why}"),
            (LeaveReason.SeatExpired, _) => (RoomLogCodes.TimedOut, $"{NameOf(seat)} did not come back within the seat hold: the seat is released"),
            _ => (RoomLogCodes.Left, $"{NameOf(seat)} left"),
        };
        Note(code, $"{text} ({seats.Count}/{settings!.Capacity})", playerId);

        room.Remove(playerId);
        checkpointDue = true;
        if (seats.Count == 0)
        {
            // A room its creator leaves alone ends at once: nobody is waiting in it.
            emptySince = time.GetUtcNow();
            abandoned = playerId == creator;
        }

        if (playerId == creator)
        {
            creator = null;
        }

        if (!Guard(() => mode!.OnLeave(state!, room, seat.Member, reason), "OnLeave"))
        {
            if (notifyPlayer)
            {
                _ = GrainFactory.GetGrain<IPlayerGrain>(playerId).OnSeatReleasedAsync(RoomId);
            }

            return;
        }

        NotePhase();
        BroadcastEvent(new RoomEvent(RoomEventTypes.PlayerLeft, playerId), except: null);
        if (notifyPlayer)
        {
            // One-way: rooms never wait on players, which do wait on rooms.
            _ = GrainFactory.GetGrain<IPlayerGrain>(playerId).OnSeatReleasedAsync(RoomId);
        }

        ReportOccupancy();
        LogLeft(RoomId, playerId, seats.Count);
    }

    private void ReleaseExpiredSeats(DateTimeOffset now)
    {
        foreach (var seat in seats.Values)
        {
            if (seat.AwaySince is { } since && now - since >= settings!.SeatHold)
            {
                expired.Add(seat.PlayerId);
            }
        }

        foreach (var playerId in expired)
        {
            Release(playerId, LeaveReason.SeatExpired, notifyPlayer: true);
        }

        expired.Clear();
    }

    /// <summary>The seat of <paramref name="playerId"/> with the join result its client draws from.</summary>
    private JoinOutcome Joined(string playerId)
    {
        JsonPayload? result = null;
        var member = seats[playerId].Member;
        var capacity = settings!.Capacity;
        if (!Guard(() => result = JoinResultJson.Write(room!, playerId, capacity, mode!.GetJoinState(state!, room!, member)), "GetJoinState"))
        {
            return Failed();
        }

        return JoinOutcome.Joined(new JoinedRoom(RoomId, room!.Mode, result!, limits));
    }
}

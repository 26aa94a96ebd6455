using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>Joining, creating and leaving rooms; the seat the player holds.</summary>
internal sealed partial class PlayerGrain
{
    /// <summary>How many offers a quick join or create tries before it gives up with the last refusal.</summary>
    private const int OfferAttempts = 8;

    /// <summary>
    /// After this many refused seats in a row a quick join asks for a room its partition has just opened (or a new one)
    /// instead of another reported one: the partition's picture of its rooms is evidently behind them.
    /// </summary>
    private const int RefusalsBeforeNewRoom = 2;

    /// <summary>When this player last created a room (kept by the activation, which lives while the player is connected).</summary>
    private DateTimeOffset? lastCreated;

    private (string Id, IRoomGrain Grain)? lastRoom;

    /// <inheritdoc />
    public async Task<JoinOutcome> JoinRoomAsync(RoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (request.RoomId is { } roomId)
        {
            // A code finds its room directly, whatever its mode.
            return RoomCodes.IsValid(roomId)
                ? await SeatAsync(await Room(roomId).JoinAsync(PlayerId, Record.Name, observer, gateway))
                : new JoinOutcome(null, RoomCodes.InvalidError());
        }

        if (Partition(request) is not { } partition)
        {
            return UnknownMode(request.Mode);
        }

        return await SeatAsync(await JoinOfferedAsync(
            partition.Mode,
            partition.Grain,
            static p => p.OfferSeatAsync(),
            static (p, roomId, code, refusals) => p.OfferSeatAfterRefusalAsync(roomId, code, newRoom: refusals >= RefusalsBeforeNewRoom)));
    }

    /// <inheritdoc />
    public async Task<JoinOutcome> CreateRoomAsync(RoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (Partition(request) is not { } partition)
        {
            return UnknownMode(request.Mode);
        }

        var now = time.GetUtcNow();
        var cooldown = roomOptions.Value.CreateCooldown;
        if (lastCreated is { } last && now - last < cooldown)
        {
            var wait = cooldown - (now - last);
            return JoinOutcome.Refused(ErrorCodes.RateLimited, $"wait {Math.Ceiling(wait.TotalSeconds):0} s before creating another room");
        }

        var isPrivate = request.IsPrivate;
        var outcome = await SeatAsync(await JoinOfferedAsync(
            partition.Mode,
            partition.Grain,
            p => p.OfferNewRoomAsync(isPrivate),
            (p, roomId, code, refusals) =>
            {
                _ = p.SeatRefusedAsync(roomId, code);
                return p.OfferNewRoomAsync(isPrivate);
            }));
        if (outcome.Result is not null)
        {
            lastCreated = now;
        }

        return outcome;
    }

    /// <summary>
    /// Asks the partition for a seat and the offered room for it, up to <see cref="OfferAttempts"/> times: a room that
    /// refuses the seat (full, started, gone) is reported back to the partition, and <paramref name="next"/> (given the
    /// refused room, the code and the refusals so far) asks it for the next seat.
    /// </summary>
    private async Task<JoinOutcome> JoinOfferedAsync(
        string mode,
        IMatchmakerGrain partition,
        Func<IMatchmakerGrain, Task<SeatOffer>> first,
        Func<IMatchmakerGrain, string, string, int, Task<SeatOffer>> next)
    {
        var started = time.GetTimestamp();
        var seat = await first(partition);
        JoinOutcome outcome;
        for (var attempt = 1; ; attempt++)
        {
            outcome = await AskRoomAsync(seat);
            if (outcome.Error is not { } error)
            {
                break;
            }

            // A mode that refuses the player (not the seat) would say the same in another room of the same mode.
            var seatRefused = error.Code is ErrorCodes.RoomFull or ErrorCodes.RoomInProgress or ErrorCodes.RoomNotFound or ErrorCodes.RoomFailed;
            if (!seatRefused || attempt == OfferAttempts)
            {
                _ = partition.SeatRefusedAsync(seat.RoomId, error.Code);
                break;
            }

            seat = await next(partition, seat.RoomId, error.Code, attempt);
        }

        metrics.JoinEnded(mode, outcome.Error?.Code ?? "joined", time.GetElapsedTime(started));
        return outcome;
    }

    /// <summary>Asks the offered room for the seat; a room whose activation was going away counts as gone.</summary>
    private async Task<JoinOutcome> AskRoomAsync(SeatOffer seat)
    {
        try
        {
            return await Room(seat.RoomId).JoinAsync(PlayerId, Record.Name, observer, gateway, seat.Open);
        }
        catch (OrleansMessageRejectionException exception)
        {
            // The offered room was disposed with joins queued: each blank activation they reach refuses one as not found and
            // deactivates, and Orleans stops forwarding the rest after a few hops. For a quick join that room is gone;
            // the partition offers another.
            LogRoomCallRejected(PlayerId, seat.RoomId, exception.Message);
            return JoinOutcome.Refused(ErrorCodes.RoomNotFound, $"room {seat.RoomId} does not exist");
        }
    }

    /// <inheritdoc />
    public async Task LeaveRoomAsync()
    {
        if (Record.CurrentRoom is not { } roomId)
        {
            return;
        }

        await Room(roomId).LeaveAsync(PlayerId);
        Record.CurrentRoom = null;
        await state.WriteStateAsync();
        LogLeftRoom(PlayerId, roomId);
    }

    /// <inheritdoc />
    public async Task OnSeatReleasedAsync(string roomId)
    {
        if (Record.CurrentRoom == roomId)
        {
            Record.CurrentRoom = null;
            await state.WriteStateAsync();
            LogSeatReleased(PlayerId, roomId);
        }
    }

    private JoinOutcome? Refusal() =>
        !Record.Registered ? JoinOutcome.Refused(ErrorCodes.InvalidArgument, $"player {PlayerId} is not registered")
        : Record.CurrentRoom is { } current ? JoinOutcome.Refused(ErrorCodes.AlreadyInRoom, $"already seated in room {current}")
        : null;

    private async Task<JoinOutcome> SeatAsync(JoinOutcome outcome)
    {
        if (outcome.Result is { } result)
        {
            Record.CurrentRoom = result.RoomId;
            await state.WriteStateAsync();
            LogJoinedRoom(PlayerId, result.RoomId);
        }

        return outcome;
    }

    /// <summary>
    /// The room's grain; the last one asked for is kept, since a pong reports to the player's room every few seconds
    /// and Orleans reads the interface's attributes on every <c>GetGrain</c>.
    /// </summary>
    private IRoomGrain Room(string roomId)
    {
        if (lastRoom is not { } last || last.Id != roomId)
        {
            lastRoom = last = (roomId, GrainFactory.GetGrain<IRoomGrain>(roomId));
        }

        return last.Grain;
    }

    /// <summary>
    /// One partition of the request's pool (its mode, the default one when it names none, and its properties), drawn
    /// at random among as many as the silo's join rate calls for (one while joins are few); null for a mode no silo runs.
    /// </summary>
    private (string Mode, IMatchmakerGrain Grain)? Partition(RoomRequest request)
    {
        var mode = request.Mode ?? modes.DefaultMode;
        if (!modes.TryGet(mode, out _))
        {
            return null;
        }

        var pool = MatchmakerKeys.For(mode, request.Properties);
        var shard = Random.Shared.Next(partitions.CountJoin());
        return (mode, GrainFactory.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(pool, shard)));
    }

    private static JoinOutcome UnknownMode(string? mode) =>
        JoinOutcome.Refused(ErrorCodes.UnknownMode, $"no game mode '{mode}' runs here; GET /api/modes lists them");
}

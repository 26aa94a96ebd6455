using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>Joining, creating and leaving rooms; the seat the player holds.</summary>
internal sealed partial class PlayerGrain
{
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

        if (Matchmaker(request) is not { } matchmaker)
        {
            return UnknownMode(request.Mode);
        }

        return await SeatAsync(await matchmaker.QuickJoinAsync(PlayerId, Record.Name, observer, gateway));
    }

    /// <inheritdoc />
    public async Task<JoinOutcome> CreateRoomAsync(RoomRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (Matchmaker(request) is not { } matchmaker)
        {
            return UnknownMode(request.Mode);
        }

        var roomId = await matchmaker.CreateRoomAsync(request.IsPrivate);
        return await SeatAsync(await Room(roomId).JoinAsync(PlayerId, Record.Name, observer, gateway));
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

    private IRoomGrain Room(string roomId) => GrainFactory.GetGrain<IRoomGrain>(roomId);

    /// <summary>The matchmaker of the request's mode (the default one when it names none) and properties; null for a mode no silo runs.</summary>
    private IMatchmakerGrain? Matchmaker(RoomRequest request)
    {
        var mode = request.Mode ?? modes.DefaultMode;
        return modes.TryGet(mode, out _) ? GrainFactory.GetGrain<IMatchmakerGrain>(MatchmakerKeys.For(mode, request.Properties)) : null;
    }

    private static JoinOutcome UnknownMode(string? mode) =>
        JoinOutcome.Refused(ErrorCodes.UnknownMode, $"no game mode '{mode}' runs here; GET /api/modes lists them");
}

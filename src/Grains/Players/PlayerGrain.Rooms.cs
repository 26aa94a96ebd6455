using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>Joining, creating and leaving rooms; the seat the player holds.</summary>
internal sealed partial class PlayerGrain
{
    /// <inheritdoc />
    public async Task<JoinOutcome> JoinRoomAsync(string? roomId)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        JoinOutcome outcome;
        if (roomId is null)
        {
            outcome = await GrainFactory.GetGrain<IMatchmakerGrain>(0).QuickJoinAsync(PlayerId, Record.Name, observer, gateway);
        }
        else if (!RoomCodes.IsValid(roomId))
        {
            return new JoinOutcome(null, RoomCodes.InvalidError());
        }
        else
        {
            outcome = await Room(roomId).JoinAsync(PlayerId, Record.Name, observer, gateway);
        }

        return await SeatAsync(outcome);
    }

    /// <inheritdoc />
    public async Task<JoinOutcome> CreateRoomAsync(bool isPrivate)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        var roomId = await GrainFactory.GetGrain<IMatchmakerGrain>(0).CreateRoomAsync(isPrivate);
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
}

using Microsoft.Extensions.Logging;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Matchmaking;

/// <summary>
/// The matchmaker of one mode and set of properties (key: <see cref="MatchmakerKeys.For"/>): knows its open rooms and
/// their occupancy from the rooms' reports, seats quick joins in the fullest public room with a free seat, and opens
/// rooms under fresh codes. The rooms remain the authority on seats: the matchmaker's counts only choose which room
/// to ask first.
/// </summary>
internal sealed partial class MatchmakerGrain(ILogger<MatchmakerGrain> logger) : Grain, IMatchmakerGrain
{
    private readonly Dictionary<string, RoomInfo> rooms = [];
    private RoomSpec? spec;

    private RoomSpec Spec(bool isPrivate)
    {
        if (spec is null)
        {
            var (mode, properties) = MatchmakerKeys.Parse(this.GetPrimaryKeyString());
            spec = new RoomSpec(mode, false, properties);
        }

        return spec with { IsPrivate = isPrivate };
    }

    /// <inheritdoc />
    public async Task<JoinOutcome> QuickJoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null)
    {
        var candidates = rooms.Values
            .Where(static r => !r.IsPrivate && r.Joinable && r.Players < r.Capacity)
            .OrderByDescending(static r => r.Players)
            .Select(static r => r.RoomId)
            .ToList();
        foreach (var roomId in candidates)
        {
            var outcome = await GrainFactory.GetGrain<IRoomGrain>(roomId).JoinAsync(playerId, name, observer, gateway);
            if (outcome.Result is not null)
            {
                Seated(roomId);
                return outcome;
            }

            switch (outcome.Error?.Code)
            {
                case ErrorCodes.RoomFull when rooms.TryGetValue(roomId, out var full):
                    rooms[roomId] = full with { Players = full.Capacity };
                    break;
                case ErrorCodes.RoomInProgress when rooms.TryGetValue(roomId, out var busy):
                    rooms[roomId] = busy with { Joinable = false };
                    break;
                case ErrorCodes.RoomNotFound or ErrorCodes.RoomFailed:
                    rooms.Remove(roomId);
                    break;
                default:
                    break;
            }
        }

        var created = await CreateRoomAsync(isPrivate: false);
        var result = await GrainFactory.GetGrain<IRoomGrain>(created).JoinAsync(playerId, name, observer, gateway);
        if (result.Result is not null)
        {
            Seated(created);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<string> CreateRoomAsync(bool isPrivate)
    {
        string roomId;
        do
        {
            roomId = RoomCodes.NewCode();
        }
        while (rooms.ContainsKey(roomId));

        var room = GrainFactory.GetGrain<IRoomGrain>(roomId);
        await room.OpenAsync(Spec(isPrivate));
        rooms[roomId] = await room.GetInfoAsync();
        LogRoomCreated(roomId, this.GetPrimaryKeyString(), isPrivate);
        return roomId;
    }

    /// <inheritdoc />
    public Task ReportRoomAsync(RoomInfo room)
    {
        ArgumentNullException.ThrowIfNull(room);
        rooms[room.RoomId] = room;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveRoomAsync(string roomId)
    {
        rooms.Remove(roomId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoomInfo>> ListRoomsAsync() =>
        Task.FromResult<IReadOnlyList<RoomInfo>>(
            [.. rooms.Values.Where(static r => !r.IsPrivate).OrderByDescending(static r => r.Players).ThenBy(static r => r.RoomId, StringComparer.Ordinal)]);

    private void Seated(string roomId)
    {
        // The room's own report follows one-way; until it arrives, one more seat taken is the freshest count.
        if (rooms.TryGetValue(roomId, out var known))
        {
            rooms[roomId] = known with { Players = Math.Min(known.Capacity, known.Players + 1) };
        }
    }
}

using Microsoft.Extensions.Logging;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Matchmaking;

/// <summary>
/// The matchmaker (key 0): knows the open rooms and their occupancy from the rooms' reports, seats quick joins
/// in the fullest public room with a free seat, and opens rooms under fresh codes. The rooms remain the
/// authority on capacity: the matchmaker's counts only choose which room to ask first.
/// </summary>
internal sealed partial class MatchmakerGrain(ILogger<MatchmakerGrain> logger) : Grain, IMatchmakerGrain
{
    private readonly Dictionary<string, RoomInfo> rooms = [];

    /// <inheritdoc />
    public async Task<JoinOutcome> QuickJoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null)
    {
        var candidates = rooms.Values
            .Where(static r => !r.IsPrivate && r.Players < r.Capacity)
            .OrderByDescending(static r => r.Players)
            .Select(static r => r.RoomId)
            .ToList();
        foreach (var roomId in candidates)
        {
            var outcome = await GrainFactory.GetGrain<IRoomGrain>(roomId).JoinAsync(playerId, name, observer, gateway);
            if (outcome.Result is { } joined)
            {
                Track(joined);
                return outcome;
            }

            switch (outcome.Error?.Code)
            {
                case ErrorCodes.RoomFull when rooms.TryGetValue(roomId, out var full):
                    rooms[roomId] = full with { Players = full.Capacity };
                    break;
                case ErrorCodes.RoomNotFound:
                    rooms.Remove(roomId);
                    break;
                default:
                    break;
            }
        }

        var created = await CreateRoomAsync(isPrivate: false);
        var result = await GrainFactory.GetGrain<IRoomGrain>(created).JoinAsync(playerId, name, observer, gateway);
        if (result.Result is { } seated)
        {
            Track(seated);
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
        await room.OpenAsync(isPrivate);
        rooms[roomId] = await room.GetInfoAsync();
        LogRoomCreated(roomId, isPrivate);
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

    private void Track(JoinResult joined)
    {
        // The room's own report follows one-way; until it arrives, the roster we just got is the freshest count.
        var phase = rooms.TryGetValue(joined.RoomId, out var known) ? known.Phase : joined.Snapshot.Phase;
        rooms[joined.RoomId] = new RoomInfo(joined.RoomId, joined.Roster.Count, joined.Capacity, phase, joined.IsPrivate);
    }
}

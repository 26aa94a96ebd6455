using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>Seats: join, resume, away, leave, and the reconnect window.</summary>
internal sealed partial class RoomGrain
{
    private readonly List<string> expired = [];

    /// <inheritdoc />
    public Task<JoinOutcome> JoinAsync(string playerId, string name, IPlayerObserver? observer, IGatewayObserver? gateway = null)
    {
        if (arena is null)
        {
            this.DeactivateOnIdle();
            return Task.FromResult(JoinOutcome.Refused(ErrorCodes.RoomNotFound, $"room {RoomId} does not exist"));
        }

        if (members.TryGetValue(playerId, out var seated))
        {
            Reconnect(seated, observer, gateway);
            return Task.FromResult(JoinOutcome.Joined(BuildJoinResult(playerId)));
        }

        if (members.Count >= options.Capacity)
        {
            LogRoomFull(RoomId, playerId);
            return Task.FromResult(JoinOutcome.Refused(ErrorCodes.RoomFull, $"room {RoomId} is full"));
        }

        var member = new RoomMember(playerId, name) { Observer = observer, Gateway = observer is null ? null : gateway };
        members.Add(playerId, member);
        arena.AddPlayer(playerId);
        emptySince = null;
        checkpointDue = true;
        BroadcastEvent(new RoomEvent(RoomEventTypes.PlayerJoined, playerId, name), except: playerId);
        ReportOccupancy();
        LogJoined(RoomId, playerId, members.Count);
        return Task.FromResult(JoinOutcome.Joined(BuildJoinResult(playerId)));
    }

    /// <inheritdoc />
    public Task<JoinResult?> ResumeAsync(string playerId, IPlayerObserver observer, IGatewayObserver? gateway = null)
    {
        if (arena is null)
        {
            this.DeactivateOnIdle();
            return Task.FromResult<JoinResult?>(null);
        }

        if (!members.TryGetValue(playerId, out var member))
        {
            return Task.FromResult<JoinResult?>(null);
        }

        Reconnect(member, observer, gateway);
        metrics.SeatResumed();
        LogResumedSeat(RoomId, playerId);
        return Task.FromResult<JoinResult?>(BuildJoinResult(playerId));
    }

    /// <inheritdoc />
    public Task SetAwayAsync(string playerId)
    {
        if (arena is not null && members.TryGetValue(playerId, out var member) && member.AwaySince is null)
        {
            member.AwaySince = time.GetUtcNow();
            member.Observer = null;
            member.Gateway = null;
            arena.SetAway(playerId, away: true);
            checkpointDue = true;
            LogAway(RoomId, playerId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LeaveAsync(string playerId)
    {
        Release(playerId, notifyPlayer: false);
        return Task.CompletedTask;
    }

    private void Reconnect(RoomMember member, IPlayerObserver? observer, IGatewayObserver? gateway)
    {
        if (observer is not null)
        {
            member.Observer = observer;
            member.Gateway = gateway;
        }

        if (member.AwaySince is not null)
        {
            member.AwaySince = null;
            arena!.SetAway(member.PlayerId, away: false);
            checkpointDue = true;
        }
    }

    private void Release(string playerId, bool notifyPlayer)
    {
        if (arena is null || !members.Remove(playerId))
        {
            return;
        }

        arena.RemovePlayer(playerId);
        checkpointDue = true;
        BroadcastEvent(new RoomEvent(RoomEventTypes.PlayerLeft, playerId), except: null);
        if (notifyPlayer)
        {
            // One-way: rooms never wait on players, which do wait on rooms.
            _ = GrainFactory.GetGrain<IPlayerGrain>(playerId).OnSeatReleasedAsync(RoomId);
        }

        if (members.Count == 0)
        {
            emptySince = time.GetUtcNow();
        }

        ReportOccupancy();
        LogLeft(RoomId, playerId, members.Count);
    }

    private void ReleaseExpiredSeats(DateTimeOffset now)
    {
        foreach (var member in members.Values)
        {
            if (member.AwaySince is { } since && now - since >= options.ReconnectWindow)
            {
                expired.Add(member.PlayerId);
            }
        }

        foreach (var playerId in expired)
        {
            Release(playerId, notifyPlayer: true);
        }

        expired.Clear();
    }

    private JoinResult BuildJoinResult(string playerId)
    {
        var players = arena!.Players;
        var roster = new RosterEntry[players.Count];
        for (var i = 0; i < roster.Length; i++)
        {
            roster[i] = new RosterEntry(players[i].Id, members[players[i].Id].Name);
        }

        var orbs = arena.Orbs;
        var orbStates = new OrbState[orbs.Length];
        for (var i = 0; i < orbStates.Length; i++)
        {
            orbStates[i] = new OrbState(i, Round(orbs[i].X), Round(orbs[i].Y));
        }

        return new JoinResult(RoomId, playerId, options.Capacity, isPrivate, roster, orbStates, BuildSnapshot(withMovedOrbs: false));
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.BareHub;

/// <summary>The bare hub at <c>/hubs/game</c>: the game's method names and shapes, none of its rules.</summary>
internal sealed class BareGameHub(BareRooms rooms) : Hub
{
    /// <summary>The mode the game's join result names: the bare hub stands in for the arena.</summary>
    private const string Mode = "arena";

    /// <summary>The arena's default geometry, as the game's join result carries it (no orbs: the bare hub has none).</summary>
    private static readonly ArenaGeometry Geometry = new(1000, 1000, 20, 8, 200, 50, 0);

    /// <summary>Quick join: a seat in a room of eight, and the room's SignalR group.</summary>
    public async Task<BareJoinResult> JoinRoom(JoinRoomRequest? request)
    {
        var header = Context.GetHttpContext()?.Request.Headers.Authorization.ToString() ?? "";
        var playerId = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : Context.ConnectionId;
        var room = rooms.Join(Context.ConnectionId, playerId);
        await Groups.AddToGroupAsync(Context.ConnectionId, room.Id);
        var snapshot = new Snapshot(room.Id, room.Tick, 0, "playing", 60_000, [], []);
        return new BareJoinResult(room.Id, playerId, BareRooms.Capacity, false, [new RosterEntry(playerId, "bot")], [], snapshot, Geometry, Mode);
    }

    /// <summary>Takes the direction and the sequence as they come.</summary>
    public void Input(InputMessage? input)
    {
        if (input is { Seq: { } seq } && rooms.Find(Context.ConnectionId) is { } member)
        {
            member.LastSeq = seq;
            member.Dx = input.Dx ?? 0;
            member.Dy = input.Dy ?? 0;
        }
    }

    /// <summary>Measures the round trip of the ping in flight.</summary>
    public void Pong(PongMessage? pong)
    {
        var ping = rooms.LastPing;
        if (pong?.Seq == ping.Seq && rooms.Find(Context.ConnectionId) is { } member)
        {
            member.RttMs = (int)Stopwatch.GetElapsedTime(ping.SentAt).TotalMilliseconds;
        }
    }

    /// <summary>Frees the seat.</summary>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        rooms.Leave(Context.ConnectionId);
        return Task.CompletedTask;
    }
}

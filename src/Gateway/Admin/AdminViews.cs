using System.Text.Json;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Admin;

/// <summary>A room in the console's list: <c>GET /admin/api/rooms</c>.</summary>
internal sealed record AdminRoomSummary(
    string RoomId, string Mode, string Phase, bool IsPrivate, bool Joinable, int Players, int Capacity,
    string Silo, DateTimeOffset ActiveSince, double AgeSeconds, long Tick, double TickIntervalMs, double LatenessMs)
{
    /// <summary>The summary of <paramref name="view"/> at <paramref name="now"/>.</summary>
    public static AdminRoomSummary Of(RoomView view, DateTimeOffset now) => new(
        view.Room.RoomId, view.Room.Mode, view.Room.Phase, view.Room.IsPrivate, view.Room.Joinable, view.Room.Players,
        view.Room.Capacity, view.Silo, view.ActiveSince, Math.Round((now - view.ActiveSince).TotalSeconds, 1), view.Tick,
        view.TickIntervalMs, Math.Round(view.LatenessMs, 2));
}

/// <summary>
/// A room's detail: <c>GET /admin/api/rooms/{roomId}</c>; <see cref="State"/> is what the mode shows a spectator,
/// <see cref="RecentEvents"/> the room's own log of what happened to it, newest first.
/// </summary>
internal sealed record AdminRoomDetail(
    AdminRoomSummary Room, IReadOnlyList<RoomMemberView> Members, string StateMethod, JsonElement? State, IReadOnlyList<RoomLogEntry> RecentEvents)
{
    /// <summary>The detail of <paramref name="view"/> at <paramref name="now"/>.</summary>
    public static AdminRoomDetail Of(RoomView view, DateTimeOffset now) =>
        new(AdminRoomSummary.Of(view, now), view.Members, view.StateMethod, Parse(view.State), view.RecentEvents ?? []);

    private static JsonElement? Parse(JsonPayload? state)
    {
        if (state is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(state.Utf8);
        return document.RootElement.Clone();
    }
}

/// <summary>A player found by a console search: <c>GET /admin/api/players?query=</c>.</summary>
internal sealed record AdminPlayerMatch(string PlayerId, string Name, string FoundIn);

/// <summary>A silo of the cluster: <c>GET /admin/api/silos</c>; <see cref="Address"/> is what a move names.</summary>
internal sealed record AdminSilo(string Address, string Status);

/// <summary>The body of an action that takes a reason (close, kick); a default reason when omitted.</summary>
internal sealed record AdminReasonRequest(string? Reason);

/// <summary>The body of a move: the silo's address as <c>GET /admin/api/silos</c> lists it.</summary>
internal sealed record AdminMoveRequest(string? Silo);

/// <summary>The answer to an action.</summary>
internal sealed record AdminActionResult(string Action, string Target, string Outcome);

/// <summary>Who the key belongs to: <c>GET /admin/api/me</c>.</summary>
internal sealed record AdminIdentity(string Name, AdminRole Role);

using OrleansGame.Arena.Simulation;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena;

/// <summary>What clients see: the per-tick snapshot, and the join state with every orb and the room's geometry.</summary>
public sealed partial class ArenaMode
{
    /// <summary>The tick's <see cref="Snapshot"/>, the same for every member: players in join order and the orbs that moved.</summary>
    public override object? GetState(ArenaSimulation state, IRoom room, Member? viewer) =>
        BuildSnapshot(state, room, withMovedOrbs: true);

    /// <summary>An <see cref="ArenaJoinState"/>: every orb, the snapshot (without orbs), and the room's geometry.</summary>
    public override object GetJoinState(ArenaSimulation state, IRoom room, Member member)
    {
        var orbs = state.Orbs;
        var orbStates = new OrbState[orbs.Length];
        for (var i = 0; i < orbStates.Length; i++)
        {
            orbStates[i] = new OrbState(i, Round(orbs[i].X), Round(orbs[i].Y));
        }

        return new ArenaJoinState(orbStates, BuildSnapshot(state, room, withMovedOrbs: false), Geometry(state, room));
    }

    private static Snapshot BuildSnapshot(ArenaSimulation state, IRoom room, bool withMovedOrbs)
    {
        var players = state.Players;
        var playerStates = new PlayerState[players.Count];
        for (var i = 0; i < playerStates.Length; i++)
        {
            var player = players[i];
            var member = room.Find(player.Id);
            playerStates[i] = new PlayerState(
                player.Id, Round(player.X), Round(player.Y), player.Score, player.LastSeq, member?.RttMs ?? 0, member?.IsAway ?? player.Away);
        }

        IReadOnlyList<OrbState> orbStates = [];
        var moved = state.MovedOrbs;
        if (withMovedOrbs && !moved.IsEmpty)
        {
            var changed = new OrbState[moved.Length];
            for (var i = 0; i < changed.Length; i++)
            {
                var orb = state.Orbs[moved[i]];
                changed[i] = new OrbState(moved[i], Round(orb.X), Round(orb.Y));
            }

            orbStates = changed;
        }

        var remainingMs = (int)Math.Ceiling(Math.Max(0, state.PhaseRemainingSeconds) * 1000);
        return new Snapshot(room.Id, state.Tick, room.Now.ToUnixTimeMilliseconds(), PhaseName(state), remainingMs, playerStates, orbStates);
    }

    private static ArenaGeometry Geometry(ArenaSimulation state, IRoom room)
    {
        var rules = state.Rules;
        return new ArenaGeometry(
            rules.WorldWidth, rules.WorldHeight, rules.PlayerRadius, rules.OrbRadius, rules.PlayerSpeed, room.TickInterval.TotalMilliseconds, state.Orbs.Length);
    }

    // Positions go out to 0.1 unit: finer than a pixel, and short on the wire.
    private static double Round(double value) => Math.Round(value * 10) / 10;
}

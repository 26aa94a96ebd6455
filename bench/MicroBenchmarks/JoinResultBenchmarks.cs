using BenchmarkDotNet.Attributes;
using OrleansGame.Arena;
using OrleansGame.Arena.Simulation;
using OrleansGame.Grains.Rooms;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Testing;

namespace OrleansGame.MicroBenchmarks;

/// <summary>
/// Writing the <c>JoinResult</c> of the eighth player of an arena room (its roster, the orbs, a snapshot and the
/// geometry), as the room does once for every join: in a burst of quick joins, one join in a room of eight at a time.
/// </summary>
[MemoryDiagnoser]
public class JoinResultBenchmarks
{
    private RoomHarness<ArenaSimulation> arena = null!;
    private Member joining = null!;

    /// <summary>A room of eight players a few seconds into its round.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(0, 8).Select(static _ => Guid.NewGuid().ToString("N")).ToArray();
        arena = new RoomHarness<ArenaSimulation>(new ArenaMode(new ArenaOptions())).Seat(ids);
        arena.Ticks(60);
        joining = arena.Room.Members[^1];
    }

    /// <summary>The result's bytes; returns their count.</summary>
    [Benchmark]
    public int Write()
    {
        var joinState = arena.Mode.GetJoinState(arena.State, arena.Room, joining);
        return JoinResultJson.Write(arena.Room, joining.PlayerId, arena.Mode.Settings.Capacity, joinState).Utf8.Length;
    }
}

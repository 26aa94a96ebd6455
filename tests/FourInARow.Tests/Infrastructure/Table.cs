using OrleansGame.FourInARow.Rules;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Testing;

namespace OrleansGame.FourInARow.Tests.Infrastructure;

/// <summary>
/// A Four in a Row room driven as the host drives it: members join and leave through the mode's hooks, moves arrive
/// in a tick's batch, and the clock is the test's.
/// </summary>
internal sealed class Table
{
    public static readonly TimeSpan TurnTime = TimeSpan.FromSeconds(20);

    public Table(FourInARowOptions? options = null)
    {
        Mode = new FourInARowMode(options ?? new FourInARowOptions { TurnTime = TurnTime });
        Game = Mode.CreateState(new RoomSetup(Room.Id, false, new Dictionary<string, string>(), 1));
    }

    public FourInARowMode Mode { get; }

    public TestRoom Room { get; } = new("four-in-a-row", TimeSpan.FromMilliseconds(100));

    public FourInARowGame Game { get; private set; }

    public BoardState View => FourInARowMode.View(Game);

    /// <summary>Seats members in order, each named as its id (the first two play).</summary>
    public Table Join(params string[] names)
    {
        foreach (var name in names)
        {
            Mode.OnJoin(Game, Room, Room.Seat(name, name));
        }

        return this;
    }

    public void Leave(string playerId) => Mode.OnLeave(Game, Room, Room.Unseat(playerId), LeaveReason.Left);

    public void Drop(string playerId)
    {
        Mode.OnLeave(Game, Room, Room.SetAway(playerId, away: true), LeaveReason.Dropped);
    }

    /// <summary>One tick whose batch holds <paramref name="messages"/>.</summary>
    public void Tick(params RoomMessage[] messages)
    {
        Room.Tick++;
        Mode.OnTick(Game, Room, messages);
    }

    /// <summary>Moves, each in a tick of its own, by whoever's turn it is.</summary>
    public void Play(params int[] columns)
    {
        foreach (var column in columns)
        {
            Tick(Move(Game.Turn!, column));
        }
    }

    public void Advance(TimeSpan by) => Room.Now += by;

    /// <summary>Replaces the state with its JSON round trip, as a hand-over or a restart restores it.</summary>
    public void Restore()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Game, RoomJson.Options);
        Game = System.Text.Json.JsonSerializer.Deserialize<FourInARowGame>(json, RoomJson.Options)!;
    }

    public static RoomMessage Move(string from, int column) => new(from, FourInARowMessageTypes.Drop, new DropMessage(column));

    public static RoomMessage Rematch(string from) => new(from, FourInARowMessageTypes.Rematch, new RematchMessage());
}

using System.Text.Json;

namespace OrleansGame.Rooms.Testing;

/// <summary>
/// Drives one room of a mode the way the OrleansGame host does, without Orleans or a network, so a mode's logic is
/// tested as a plain class: a join goes through the host's checks and <see cref="GameMode{TState}.CanJoin"/> before
/// the seat is taken and <see cref="GameMode{TState}.OnJoin"/> runs; a tick advances the clock by one tick interval and
/// hands the mode its batch; the state and the checkpoint are read as the JSON the host sends and stores.
/// </summary>
/// <typeparam name="TState">The mode's state.</typeparam>
/// <example>
/// <code>
/// var room = new RoomHarness&lt;TapState&gt;(new TapMode());
/// room.Join("alice", "Alice");
/// room.Tick(new RoomMessage("alice", "Tap", new Tap(2)));
/// Assert.Equal(2, room.State.Taps);
/// </code>
/// </example>
public sealed class RoomHarness<TState>
    where TState : class
{
    /// <summary>The code the host refuses a join with when every seat is taken.</summary>
    public const string RoomFull = "room_full";

    /// <summary>The code the host refuses a join with while a game that takes nobody new is under way.</summary>
    public const string RoomInProgress = "room_in_progress";

    /// <summary>
    /// A room of <paramref name="mode"/> in <paramref name="room"/> (by default a public room <c>test01</c> of a mode
    /// named <c>test</c>, ticking at the mode's rate), its state created with <paramref name="seed"/>.
    /// </summary>
    public RoomHarness(GameMode<TState> mode, TestRoom? room = null, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(mode);
        Mode = mode;
        Room = room ?? new TestRoom("test", mode.Settings.TickInterval);
        State = mode.CreateState(new RoomSetup(Room.Id, Room.IsPrivate, Room.Properties, seed));
    }

    /// <summary>The mode under test.</summary>
    public GameMode<TState> Mode { get; }

    /// <summary>The room the hooks see: members, clock, and what the mode sent.</summary>
    public TestRoom Room { get; }

    /// <summary>The room's state; <see cref="Restore"/> replaces it with its checkpoint's round trip.</summary>
    public TState State { get; private set; }

    /// <summary>
    /// A player's join attempt, as the host makes it: refused with <see cref="RoomFull"/> when every seat is taken, with
    /// <see cref="RoomInProgress"/> while a game that takes nobody new is under way, or with the mode's own code;
    /// otherwise the player is seated and the mode told.
    /// </summary>
    public JoinDecision Join(string playerId, string name)
    {
        if (Room.Members.Count >= Mode.Settings.Capacity)
        {
            return JoinDecision.Refuse(RoomFull, $"room {Room.Id} is full");
        }

        if (Room.InProgress && !Mode.Settings.JoinInProgress)
        {
            return JoinDecision.Refuse(RoomInProgress, $"room {Room.Id} has a game under way");
        }

        var decision = Mode.CanJoin(State, Room, new Member(playerId, name, Room.Now));
        if (decision.Accepted)
        {
            Mode.OnJoin(State, Room, Room.Seat(playerId, name));
        }

        return decision;
    }

    /// <summary>Seats players who must be let in, each named as its id.</summary>
    public RoomHarness<TState> Seat(params string[] playerIds)
    {
        ArgumentNullException.ThrowIfNull(playerIds);
        foreach (var playerId in playerIds)
        {
            var decision = Join(playerId, playerId);
            if (!decision.Accepted)
            {
                throw new InvalidOperationException($"{playerId} was refused: {decision.Code} ({decision.Message})");
            }
        }

        return this;
    }

    /// <summary>A member's connection drops: it is away, its seat held, and the mode hears <see cref="LeaveReason.Dropped"/>.</summary>
    public void Drop(string playerId) => Mode.OnLeave(State, Room, Room.SetAway(playerId, away: true), LeaveReason.Dropped);

    /// <summary>A member that was away comes back within the seat hold.</summary>
    public void Return(string playerId) => Mode.OnReturn(State, Room, Room.SetAway(playerId, away: false));

    /// <summary>A member gives up its seat (<see cref="LeaveReason.Left"/>), or loses it (<see cref="LeaveReason.SeatExpired"/>).</summary>
    public void Leave(string playerId, LeaveReason reason = LeaveReason.Left) => Mode.OnLeave(State, Room, Room.Unseat(playerId), reason);

    /// <summary>One tick: the clock moves by one tick interval and the mode gets <paramref name="messages"/> as its batch.</summary>
    public void Tick(params RoomMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Room.Tick++;
        Room.Now += Room.TickInterval;
        Mode.OnTick(State, Room, messages);
    }

    /// <summary><paramref name="count"/> ticks with empty batches.</summary>
    public void Ticks(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            Tick();
        }
    }

    /// <summary>The state the host would send: to everyone, or to <paramref name="viewerId"/> when the mode hides information.</summary>
    public object? StateFor(string? viewerId = null) =>
        Mode.GetState(State, Room, viewerId is null ? null : Room.Find(viewerId) ?? throw new InvalidOperationException($"{viewerId} is not seated"));

    /// <summary><see cref="StateFor"/> as the JSON clients read (null when the mode sends nothing).</summary>
    public string? StateJson(string? viewerId = null) => StateFor(viewerId) is { } state ? Serialize(state) : null;

    /// <summary>The mode's part of a member's join result, as the JSON its client reads.</summary>
    public string JoinStateJson(string playerId) =>
        Serialize(Mode.GetJoinState(State, Room, Room.Find(playerId) ?? throw new InvalidOperationException($"{playerId} is not seated")));

    /// <summary>The checkpoint, as the host writes it.</summary>
    public string CheckpointJson() => JsonSerializer.Serialize(State, RoomJson.Options);

    /// <summary>Replaces the state with its checkpoint's round trip, as a hand-over to another silo or a restart restores it.</summary>
    public void Restore() =>
        State = JsonSerializer.Deserialize<TState>(CheckpointJson(), RoomJson.Options)
            ?? throw new InvalidOperationException("the checkpoint restored to null");

    private static string Serialize(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), RoomJson.Options);
}

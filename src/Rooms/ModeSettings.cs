namespace OrleansGame.Rooms;

/// <summary>
/// What the host needs to know to run a mode's rooms: the tick rate, seats, seat hold, whether a game in progress
/// takes new players, how clients receive state, and the messages clients may send with their limits.
/// </summary>
public sealed class ModeSettings
{
    /// <summary>Ticks a second, 1 to 60. Default 20.</summary>
    public int TickRate { get; init; } = 20;

    /// <summary>Seats in a room, 1 to 256. Default 8.</summary>
    public int Capacity { get; init; } = 8;

    /// <summary>
    /// How many of a room's seats quick join fills, 1 to <see cref="Capacity"/>; the others are reached by the room's
    /// code only (for example a two-player game's spectators). Null, the default: every seat.
    /// </summary>
    public int? QuickJoinSeats { get; init; }

    /// <summary>How long a dropped player's seat is held for a reconnect. Default 20 s.</summary>
    public TimeSpan SeatHold { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a room stays open with nobody seated before it ends. Default 30 s.</summary>
    public TimeSpan EmptyRoomLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a room writes its checkpoint besides seat changes and deactivation. Default 5 s.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether a room takes new players while <see cref="IRoom.InProgress"/> is set. Default true.</summary>
    public bool JoinInProgress { get; init; } = true;

    /// <summary>
    /// Whether <see cref="GameMode{TState}.GetState"/> is asked once per member (a mode that hides information) instead
    /// of once for all. Default false: one state, serialised once, for every member.
    /// </summary>
    public bool StatePerMember { get; init; }

    /// <summary>
    /// Numbers of the state that clients of the compact encoding need only to a fixed precision (positions, angles),
    /// by their JSON name anywhere in the state: steps a unit, 1 to 1,000,000 (10: to 0.1). Those clients receive
    /// them as whole steps, and each change as the difference in steps; clients of the full state are not affected.
    /// Empty by default: every number goes as it is.
    /// </summary>
    public IReadOnlyDictionary<string, int> Quantize { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The hub method the per-tick state reaches clients as. Default <c>State</c>.</summary>
    public string StateMethod { get; init; } = "State";

    /// <summary>
    /// Message types sent to clients as hub methods of their own (the type is the method's name, the payload its only
    /// argument) instead of inside <c>Message(type, payload)</c>: how a mode keeps a protocol that predates generic
    /// messages. Empty by default.
    /// </summary>
    public IReadOnlySet<string> OwnMethods { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The messages clients may send, with their limits.</summary>
    public IReadOnlyList<MessageRule> Messages { get; init; } = [];

    /// <summary>The time between ticks.</summary>
    public TimeSpan TickInterval => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / TickRate);

    /// <summary>Checks every setting and returns this instance; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public ModeSettings Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TickRate, 1, nameof(TickRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TickRate, 60, nameof(TickRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Capacity, 256, nameof(Capacity));
        if (QuickJoinSeats is { } quickJoinSeats)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(quickJoinSeats, 1, nameof(QuickJoinSeats));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(quickJoinSeats, Capacity, nameof(QuickJoinSeats));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SeatHold, TimeSpan.Zero, nameof(SeatHold));
        ArgumentOutOfRangeException.ThrowIfLessThan(EmptyRoomLifetime, TimeSpan.FromMilliseconds(50), nameof(EmptyRoomLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointInterval, TimeSpan.FromMilliseconds(50), nameof(CheckpointInterval));
        if (!ModeNames.IsValid(StateMethod))
        {
            throw new ArgumentException($"'{StateMethod}' is not a method name", nameof(StateMethod));
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Messages)
        {
            if (!types.Add(rule.Type))
            {
                throw new ArgumentException($"message type '{rule.Type}' is declared twice", nameof(Messages));
            }
        }

        foreach (var (name, steps) in Quantize)
        {
            if (string.IsNullOrEmpty(name) || steps is < 1 or > 1_000_000)
            {
                throw new ArgumentException($"'{name}' is quantised to {steps} steps a unit; a member's name is not empty and its steps are 1 to 1,000,000", nameof(Quantize));
            }
        }

        foreach (var method in OwnMethods)
        {
            if (!ModeNames.IsValid(method))
            {
                throw new ArgumentException($"'{method}' is not a method name", nameof(OwnMethods));
            }
        }

        return this;
    }
}

using OrleansGame.Arena.Simulation;
using OrleansGame.Arena.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Arena;

/// <summary>
/// Orb Arena on the room API: players steer, collect orbs and compete in timed rounds. Each room's state is an
/// <see cref="ArenaSimulation"/>; inputs and chat arrive in the tick's batch, every tick sends one shared
/// <see cref="Snapshot"/>, and each round's scores are recorded when it ends.
/// </summary>
public sealed partial class ArenaMode : GameMode<ArenaSimulation>
{
    /// <summary>The largest <c>Input</c> payload, in bytes of JSON text.</summary>
    public const int MaxInputBytes = 256;

    /// <summary>The largest <c>Chat</c> payload, in bytes of JSON text.</summary>
    public const int MaxChatBytes = 1024;

    private readonly ArenaRules rules;
    private readonly int orbCount;

    /// <summary>
    /// Creates the mode: the rules of its rooms, its tick rate (the whole rate nearest to
    /// <see cref="ArenaOptions.TickInterval"/>), seats, seat hold, room lifetime, checkpoint interval and message limits
    /// all come from <paramref name="options"/>, read once here.
    /// </summary>
    public ArenaMode(ArenaOptions options)
        : base(CreateSettings(options))
    {
        rules = ArenaRules.From(options);
        orbCount = options.OrbCount;
    }

    /// <inheritdoc />
    public override ArenaSimulation CreateState(RoomSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new ArenaSimulation(rules, orbCount, setup.Seed);
    }

    /// <inheritdoc />
    public override void OnJoin(ArenaSimulation state, IRoom room, Member member) =>
        state.AddPlayer(member.PlayerId);

    /// <inheritdoc />
    public override void OnReturn(ArenaSimulation state, IRoom room, Member member) =>
        state.SetAway(member.PlayerId, away: false);

    /// <inheritdoc />
    public override void OnLeave(ArenaSimulation state, IRoom room, Member member, LeaveReason reason)
    {
        // A dropped player keeps its place and score, standing still; one that is gone for good leaves the arena.
        if (reason == LeaveReason.Dropped)
        {
            state.SetAway(member.PlayerId, away: true);
        }
        else
        {
            state.RemovePlayer(member.PlayerId);
        }
    }

    private static ModeSettings CreateSettings(ArenaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ModeSettings
        {
            TickRate = (int)Math.Round(TimeSpan.FromSeconds(1) / options.TickInterval),
            Capacity = options.Capacity,
            SeatHold = options.ReconnectWindow,
            EmptyRoomLifetime = options.EmptyRoomDisposeAfter,
            CheckpointInterval = options.CheckpointInterval,
            StateMethod = ArenaMessageTypes.Snapshot,
            // Positions go to compact-state clients to a tenth of a unit (players' and orbs' x and y).
            Quantize = new Dictionary<string, int>(StringComparer.Ordinal) { ["x"] = 10, ["y"] = 10 },
            OwnMethods = new HashSet<string>(StringComparer.Ordinal) { ArenaMessageTypes.Chat, ArenaMessageTypes.RoomEvent },
            Messages =
            [
                MessageRule.For<InputMessage>(ArenaMessageTypes.Input, MaxInputBytes, options.InputPerSecond, options.InputBurst),
                MessageRule.For<ChatRequest>(ArenaMessageTypes.Chat, MaxChatBytes, options.ChatPerSecond, options.ChatBurst),
            ],
        };
    }
}

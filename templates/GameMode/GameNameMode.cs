using OrleansGame.Rooms;

namespace GameName;

/// <summary>
/// The GameName mode on the room API: every member taps, and the first to reach the target wins the round; the
/// round's taps are recorded as results, everyone hears who won, and the next round starts. Register it on the silo
/// as <see cref="Name"/>: <c>siloBuilder.AddGameMode&lt;GameNameMode&gt;(GameNameMode.Name)</c>.
/// </summary>
public sealed class GameNameMode : GameMode<GameNameState>
{
    /// <summary>The name the mode is registered under, and the name clients join it by.</summary>
    public const string Name = "mode-id";

    /// <summary>The error code of a tap whose count is out of range.</summary>
    public const string InvalidTapCode = "invalid_tap";

    private readonly GameNameRules rules;

    /// <summary>Creates the mode with the default rules.</summary>
    public GameNameMode()
        : this(new GameNameRules())
    {
    }

    /// <summary>Creates the mode with <paramref name="rules"/>.</summary>
    public GameNameMode(GameNameRules rules)
        : base(CreateSettings()) => this.rules = rules;

    /// <inheritdoc />
    public override GameNameState CreateState(RoomSetup setup) => rules.NewGame();

    /// <inheritdoc />
    public override void OnJoin(GameNameState state, IRoom room, Member member) => rules.Join(state, member.PlayerId);

    /// <inheritdoc />
    public override void OnLeave(GameNameState state, IRoom room, Member member, LeaveReason reason)
    {
        // A dropped player keeps its taps for the seat hold; one that is gone for good leaves the race.
        if (reason != LeaveReason.Dropped)
        {
            rules.Leave(state, member.PlayerId);
        }
    }

    /// <inheritdoc />
    public override void OnTick(GameNameState state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.Payload is not Tap tap)
            {
                continue;
            }

            switch (rules.Tap(state, message.From, tap))
            {
                case TapOutcome.Invalid:
                    room.Reject(message.From, InvalidTapCode, $"a tap counts 1 to {rules.MaxTapsPerMessage}");
                    break;
                case TapOutcome.Won:
                    foreach (var (playerId, taps) in state.LastRound)
                    {
                        room.RecordResult(new GameResult(playerId, taps, Counted: state.LastRound.Count > 1, Won: playerId == message.From));
                    }

                    room.Broadcast(RoundWon.Type, new RoundWon(message.From, room.Find(message.From)?.Name ?? message.From, state.Round - 1));
                    break;
                case TapOutcome.Counted:
                    break;
            }
        }
    }

    /// <inheritdoc />
    public override object? GetState(GameNameState state, IRoom room, Member? viewer) => state;

    // What the host needs to run the mode's rooms: the tick rate, the seats, the seat hold and the messages clients
    // may send, each with its limits (the gateway refuses what breaks them before the room sees anything).
    private static ModeSettings CreateSettings() => new()
    {
        TickRate = 10,
        Capacity = 4,
        SeatHold = TimeSpan.FromSeconds(20),
        Messages =
        [
            MessageRule.For<Tap>(Tap.Type, maxBytes: 64, perSecond: 20, burst: 10),
        ],
    };
}

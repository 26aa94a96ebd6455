using OrleansGame.FourInARow.Rules;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.FourInARow;

/// <summary>
/// Four in a Row on the room API: two players take turns dropping discs into a 7 x 6 board, each with a clock for the
/// move; four in a line wins, a full board is a draw. Further members watch. Each room's state is a
/// <see cref="FourInARowGame"/>; moves arrive in the tick's batch, the state goes out when it changes, and each game's
/// result is recorded when it ends.
/// </summary>
public sealed partial class FourInARowMode : GameMode<FourInARowGame>
{
    /// <summary>Ticks a second: the turn clock's resolution.</summary>
    public const int TickRate = 10;

    /// <summary>The largest <c>Drop</c> or <c>Rematch</c> payload, in bytes of JSON text.</summary>
    public const int MaxMessageBytes = 64;

    private readonly TimeSpan turnTime;

    /// <summary>Creates the mode: its turn clock, seats, seat hold, room lifetime and checkpoint interval come from <paramref name="options"/>.</summary>
    public FourInARowMode(FourInARowOptions options)
        : base(CreateSettings(options))
    {
        turnTime = options.TurnTime;
    }

    /// <summary>The time a player has for a move.</summary>
    public TimeSpan TurnTime => turnTime;

    /// <inheritdoc />
    public override FourInARowGame CreateState(RoomSetup setup) => new();

    /// <inheritdoc />
    public override void OnJoin(FourInARowGame state, IRoom room, Member member) =>
        state.Seat(member.PlayerId, member.Name, room.Now, turnTime);

    /// <inheritdoc />
    public override void OnReturn(FourInARowGame state, IRoom room, Member member) =>
        state.SetAway(member.PlayerId, away: false);

    /// <inheritdoc />
    public override void OnLeave(FourInARowGame state, IRoom room, Member member, LeaveReason reason)
    {
        // A dropped player keeps the seat while its clock runs; one gone for good forfeits a game under way.
        if (reason == LeaveReason.Dropped)
        {
            state.SetAway(member.PlayerId, away: true);
            return;
        }

        var ended = state.Remove(member.PlayerId, id => room.Find(id)?.Name ?? id, room.Now, turnTime);
        Record(room, ended);
        room.Phase = state.Phase;
    }

    private static void Record(IRoom room, GameEnd? ended)
    {
        if (ended is null)
        {
            return;
        }

        foreach (var player in ended.Players)
        {
            room.RecordResult(new GameResult(player, Score: 0, Counted: true, Won: player == ended.Winner));
        }
    }

    private static ModeSettings CreateSettings(FourInARowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ModeSettings
        {
            TickRate = TickRate,
            Capacity = 2 + options.Spectators,

            // Quick join fills the two players' seats; spectators come in by the room's code.
            QuickJoinSeats = 2,
            SeatHold = options.SeatHold,
            EmptyRoomLifetime = options.EmptyRoomLifetime,
            CheckpointInterval = options.CheckpointInterval,
            Messages =
            [
                MessageRule.For<DropMessage>(FourInARowMessageTypes.Drop, MaxMessageBytes, perSecond: 5, burst: 5),
                MessageRule.For<RematchMessage>(FourInARowMessageTypes.Rematch, MaxMessageBytes, perSecond: 2, burst: 2),
            ],
        };
    }
}

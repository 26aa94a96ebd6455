using OrleansGame.FourInARow.Rules;
using OrleansGame.FourInARow.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.FourInARow;

/// <summary>The tick: apply the batch's moves and rematch votes in order, then run the turn clock.</summary>
public sealed partial class FourInARowMode
{
    /// <inheritdoc />
    public override void OnTick(FourInARowGame state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
        var now = room.Now;
        foreach (var message in messages)
        {
            switch (message.Payload)
            {
                case DropMessage drop:
                    var refused = state.Drop(message.From, drop.Column, now, turnTime, out var ended);
                    Refuse(room, message.From, refused);
                    Record(room, ended);
                    break;
                case RematchMessage:
                    Refuse(room, message.From, state.AskRematch(message.From, now, turnTime));
                    break;
                default:
                    break;
            }
        }

        // After the batch: a move that reached the room within the tick the clock ran out in still counts.
        Record(room, state.ExpireTurn(now));
        room.Phase = state.Phase;
    }

    private static void Refuse(IRoom room, string playerId, string? code)
    {
        if (code is not null)
        {
            room.Reject(playerId, code, code switch
            {
                FourInARowErrorCodes.NotYourTurn => "it is the other player's turn",
                FourInARowErrorCodes.ColumnFull => "that column is full",
                _ => "no game of yours is running",
            });
        }
    }
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The room's recent events for the operations console: noted where they happen (seats, lifecycle, the mode's phase,
/// operators' actions), kept in a bounded log that travels in the checkpoint, so a room's story survives its moves.
/// </summary>
internal sealed partial class RoomGrain
{
    private readonly RoomLog recent = new();
    private (string Phase, bool InProgress) notedPhase = ("playing", false);

    private void Note(string code, string text, string? playerId = null) =>
        recent.Add(new RoomLogEntry(time.GetUtcNow(), code, text, playerId));

    /// <summary>Notes a change the mode made to the room's phase or to whether a game is under way, once.</summary>
    private void NotePhase()
    {
        if (room is null || (room.Phase, room.InProgress) == notedPhase)
        {
            return;
        }

        var (phase, inProgress) = notedPhase;
        notedPhase = (room.Phase, room.InProgress);
        var game = room.InProgress == inProgress ? "" : room.InProgress ? "; a game is under way" : "; the game is over";
        Note(RoomLogCodes.PhaseChanged, phase == room.Phase ? game.TrimStart(';', ' ') : $"phase {phase} → {room.Phase}{game}");
    }

    private string NameOf(Seat seat) => $"{seat.Member.Name} ({seat.PlayerId})";
}

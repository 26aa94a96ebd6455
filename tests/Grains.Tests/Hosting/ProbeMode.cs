using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>
/// A small mode that shows what the host does: it logs every message of a tick's batch in its state, answers
/// <c>to:ID</c>, <c>some:ID,ID</c> and <c>all</c> with sends to those members, and refuses players named <c>Banned…</c>.
/// </summary>
public sealed class ProbeMode() : GameMode<ProbeState>(new ModeSettings
{
    TickRate = 20,
    Capacity = 3,
    SeatHold = TimeSpan.FromSeconds(5),
    CheckpointInterval = TimeSpan.FromSeconds(30),
    Messages = [MessageRule.For<Note>("note", maxBytes: 200, perSecond: 100, burst: 100)],
})
{
    public override ProbeState CreateState(RoomSetup setup) => new();

    public override JoinDecision CanJoin(ProbeState state, IRoom room, Member candidate) =>
        candidate.Name.StartsWith("Banned", StringComparison.Ordinal) ? JoinDecision.Refuse("banned", "no banned players here") : JoinDecision.Accept;

    public override void OnTick(ProbeState state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
        foreach (var message in messages)
        {
            var note = (Note)message.Payload;
            state.Log.Add($"{message.From}:{note.Text}");
            if (note.Text.StartsWith("to:", StringComparison.Ordinal))
            {
                room.Send(note.Text[3..], "direct", note);
            }
            else if (note.Text.StartsWith("some:", StringComparison.Ordinal))
            {
                room.Send(note.Text[5..].Split(','), "some", note);
            }
            else if (note.Text == "all")
            {
                room.Broadcast("shout", note);
            }
        }
    }

    public override object? GetState(ProbeState state, IRoom room, Member? viewer) => new ProbeView(room.Tick, state.Log);
}

/// <summary>The probe's state: every message it was given, as <c>sender:text</c>, in the order of the batches.</summary>
public sealed class ProbeState
{
    public List<string> Log { get; set; } = [];
}

/// <summary>The probe's state as members see it.</summary>
public sealed record ProbeView(long Tick, IReadOnlyList<string> Log);

/// <summary>The probe's only message.</summary>
public sealed record Note(string Text);

namespace OrleansGame.Rooms.Tests.Testing;

/// <summary>
/// A mode for the harness's tests: refuses players named <c>banned</c>, greets each newcomer to the others, echoes
/// every <c>Say</c> back to its sender, rejects anything else, and shows each member its own line count.
/// </summary>
public sealed class EchoMode(ModeSettings settings) : GameMode<EchoState>(settings)
{
    public EchoMode()
        : this(new ModeSettings { Capacity = 3, StatePerMember = true })
    {
    }

    public override EchoState CreateState(RoomSetup setup) => new() { Seed = setup.Seed };

    public override JoinDecision CanJoin(EchoState state, IRoom room, Member candidate) =>
        candidate.Name == "banned" ? JoinDecision.Refuse("banned", "not in this room") : JoinDecision.Accept;

    public override void OnJoin(EchoState state, IRoom room, Member member)
    {
        state.Events.Add($"join {member.PlayerId}");
        room.Broadcast("Welcome", member.Name, except: member.PlayerId);
    }

    public override void OnReturn(EchoState state, IRoom room, Member member) => state.Events.Add($"return {member.PlayerId}");

    public override void OnLeave(EchoState state, IRoom room, Member member, LeaveReason reason) =>
        state.Events.Add($"leave {member.PlayerId} {reason}");

    public override void OnTick(EchoState state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
        state.Events.Add($"tick {room.Tick} at {room.Now.ToUnixTimeMilliseconds()}");
        foreach (var message in messages)
        {
            if (message.Type != "Say")
            {
                room.Reject(message.From, "unknown_type", $"no {message.Type} here");
                continue;
            }

            state.Lines[message.From] = state.Lines.GetValueOrDefault(message.From) + 1;
            room.Send(message.From, "Echo", message.Payload);
        }
    }

    public override object? GetState(EchoState state, IRoom room, Member? viewer) =>
        new { viewer = viewer?.PlayerId, lines = viewer is null ? 0 : state.Lines.GetValueOrDefault(viewer.PlayerId) };
}

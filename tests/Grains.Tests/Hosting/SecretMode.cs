using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>
/// A mode with hidden information: each member's state holds its own secret and only the count of the others'. A game
/// is under way from two players on, and it takes nobody while it is.
/// </summary>
public sealed class SecretMode() : GameMode<SecretState>(new ModeSettings
{
    TickRate = 10,
    Capacity = 4,
    StatePerMember = true,
    JoinInProgress = false,
})
{
    public override SecretState CreateState(RoomSetup setup) => new();

    public override void OnJoin(SecretState state, IRoom room, Member member)
    {
        state.Secrets[member.PlayerId] = $"secret of {member.Name}";
        room.InProgress = state.Secrets.Count >= 2;
    }

    public override void OnTick(SecretState state, IRoom room, IReadOnlyList<RoomMessage> messages)
    {
    }

    public override object? GetState(SecretState state, IRoom room, Member? viewer) =>
        viewer is null ? null : new SecretView(state.Secrets[viewer.PlayerId], state.Secrets.Count);
}

/// <summary>Every member's secret, by player id.</summary>
public sealed class SecretState
{
    public Dictionary<string, string> Secrets { get; set; } = [];
}

/// <summary>What one member sees.</summary>
public sealed record SecretView(string Mine, int Players);

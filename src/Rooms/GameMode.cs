using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Rooms;

/// <summary>
/// A game mode: the rules of one kind of room, as plain code over a state the host owns. Register it by name on the
/// silo; every room of the mode gets its own <typeparamref name="TState"/>, which is also its checkpoint, so the host
/// hands rooms over between silos and restores them after a crash without any code of the mode's own.
/// </summary>
/// <remarks>
/// One instance serves every room of the mode, so keep per-room data in the state. Every hook runs on the room's
/// own turn: never block in one, and never keep <see cref="IRoom"/> beyond the call.
/// </remarks>
/// <typeparam name="TState">The room's state: a class that <see cref="RoomJson.Options"/> serialises and restores exactly.</typeparam>
/// <param name="settings">The mode's tick rate, capacity, seat hold, message limits and the rest; validated here.</param>
public abstract class GameMode<TState>(ModeSettings settings) : IHostedMode
    where TState : class
{
    /// <summary>The mode's settings.</summary>
    public ModeSettings Settings { get; } = settings.Validated();

    Type IHostedMode.StateType => typeof(TState);

    /// <summary>Creates a new room's state.</summary>
    public abstract TState CreateState(RoomSetup setup);

    /// <summary>Decides whether <paramref name="candidate"/> may take a seat; the host has already checked capacity.</summary>
    public virtual JoinDecision CanJoin(TState state, IRoom room, Member candidate) => JoinDecision.Accept;

    /// <summary>A player took a seat; <paramref name="member"/> is already in <see cref="IRoom.Members"/>.</summary>
    public virtual void OnJoin(TState state, IRoom room, Member member)
    {
    }

    /// <summary>A player whose connection dropped came back within the seat hold.</summary>
    public virtual void OnReturn(TState state, IRoom room, Member member)
    {
    }

    /// <summary>
    /// A player's connection dropped (<see cref="LeaveReason.Dropped"/>: the seat is held, <see cref="Member.IsAway"/>
    /// is set) or the player left for good (the member is no longer in <see cref="IRoom.Members"/>).
    /// </summary>
    public virtual void OnLeave(TState state, IRoom room, Member member, LeaveReason reason)
    {
    }

    /// <summary>
    /// One tick at the mode's fixed rate: <paramref name="messages"/> holds every message that arrived since the last
    /// tick, in the order the room received them (each sender's in the order it sent them), each payload already
    /// read into the type its <see cref="MessageRule"/> declares.
    /// </summary>
    public abstract void OnTick(TState state, IRoom room, IReadOnlyList<RoomMessage> messages);

    /// <summary>
    /// What clients see of the room after a tick: called once with a null <paramref name="viewer"/> for all members,
    /// or once per connected member when <see cref="ModeSettings.StatePerMember"/> is set. Null sends nothing.
    /// </summary>
    public virtual object? GetState(TState state, IRoom room, Member? viewer) => null;

    /// <summary>
    /// The mode's part of the join result a member receives when it takes or resumes its seat: an object whose
    /// properties are added to the host's (room id, roster, capacity). By default <c>{"state": GetState(...)}</c>.
    /// </summary>
    public virtual object GetJoinState(TState state, IRoom room, Member member) =>
        new DefaultJoinState(GetState(state, room, Settings.StatePerMember ? member : null));

    /// <summary>The room is ending (<paramref name="reason"/>); the last chance to record results.</summary>
    public virtual void OnTerminate(TState state, IRoom room, TerminateReason reason)
    {
    }

    object IHostedMode.CreateState(RoomSetup setup) => CreateState(setup);

    JoinDecision IHostedMode.CanJoin(object state, IRoom room, Member candidate) => CanJoin((TState)state, room, candidate);

    void IHostedMode.OnJoin(object state, IRoom room, Member member) => OnJoin((TState)state, room, member);

    void IHostedMode.OnReturn(object state, IRoom room, Member member) => OnReturn((TState)state, room, member);

    void IHostedMode.OnLeave(object state, IRoom room, Member member, LeaveReason reason) => OnLeave((TState)state, room, member, reason);

    void IHostedMode.OnTick(object state, IRoom room, IReadOnlyList<RoomMessage> messages) => OnTick((TState)state, room, messages);

    object? IHostedMode.GetState(object state, IRoom room, Member? viewer) => GetState((TState)state, room, viewer);

    object IHostedMode.GetJoinState(object state, IRoom room, Member member) => GetJoinState((TState)state, room, member);

    void IHostedMode.OnTerminate(object state, IRoom room, TerminateReason reason) => OnTerminate((TState)state, room, reason);

    private sealed record DefaultJoinState(object? State);
}

namespace OrleansGame.Rooms.Hosting;

/// <summary>
/// A game mode as the room host drives it, with the state untyped. <see cref="GameMode{TState}"/> implements it
/// explicitly; modes derive from that class and never see this interface.
/// </summary>
public interface IHostedMode
{
    /// <summary>The mode's settings.</summary>
    ModeSettings Settings { get; }

    /// <summary>The type of the state, which the host serialises as the room's checkpoint.</summary>
    Type StateType { get; }

    /// <summary>See <see cref="GameMode{TState}.CreateState"/>.</summary>
    object CreateState(RoomSetup setup);

    /// <summary>See <see cref="GameMode{TState}.CanJoin"/>.</summary>
    JoinDecision CanJoin(object state, IRoom room, Member candidate);

    /// <summary>See <see cref="GameMode{TState}.OnJoin"/>.</summary>
    void OnJoin(object state, IRoom room, Member member);

    /// <summary>See <see cref="GameMode{TState}.OnReturn"/>.</summary>
    void OnReturn(object state, IRoom room, Member member);

    /// <summary>See <see cref="GameMode{TState}.OnLeave"/>.</summary>
    void OnLeave(object state, IRoom room, Member member, LeaveReason reason);

    /// <summary>See <see cref="GameMode{TState}.OnTick"/>.</summary>
    void OnTick(object state, IRoom room, IReadOnlyList<RoomMessage> messages);

    /// <summary>See <see cref="GameMode{TState}.GetState"/>.</summary>
    object? GetState(object state, IRoom room, Member? viewer);

    /// <summary>See <see cref="GameMode{TState}.GetJoinState"/>.</summary>
    object GetJoinState(object state, IRoom room, Member member);

    /// <summary>See <see cref="GameMode{TState}.OnTerminate"/>.</summary>
    void OnTerminate(object state, IRoom room, TerminateReason reason);
}

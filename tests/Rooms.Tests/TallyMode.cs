namespace OrleansGame.Rooms.Tests;

/// <summary>A minimal mode for the API's own tests: counts the messages of each tick.</summary>
public sealed class TallyMode(ModeSettings settings) : GameMode<TallyState>(settings)
{
    public TallyMode()
        : this(new ModeSettings())
    {
    }

    public override TallyState CreateState(RoomSetup setup) => new();

    public override void OnTick(TallyState state, IRoom room, IReadOnlyList<RoomMessage> messages) => state.Count += messages.Count;

    public override object? GetState(TallyState state, IRoom room, Member? viewer) => state;
}

/// <summary>The tally.</summary>
public sealed class TallyState
{
    public int Count { get; set; }
}

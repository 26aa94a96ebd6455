namespace OrleansGame.BareHub;

/// <summary>A group of up to eight members and its tick counter; lock on the room to touch its members.</summary>
internal sealed class BareRoom(string id)
{
    /// <summary>The room's id, also its SignalR group name.</summary>
    public string Id { get; } = id;

    /// <summary>The members, in the order they joined.</summary>
    public List<BareMember> Members { get; } = [];

    /// <summary>Ticks so far.</summary>
    public long Tick { get; set; }
}

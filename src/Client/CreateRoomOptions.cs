namespace OrleansGame.Client;

/// <summary>What a new room is (<see cref="GameClient.CreateAsync"/>).</summary>
public sealed class CreateRoomOptions
{
    /// <summary>Whether the room is joined by its code only (default false: quick join finds it too).</summary>
    public bool IsPrivate { get; set; }

    /// <summary>The room's properties, which quick join matches on.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; set; }
}

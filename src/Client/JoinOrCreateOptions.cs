namespace OrleansGame.Client;

/// <summary>What quick join matches on (<see cref="GameClient.JoinOrCreateAsync"/>).</summary>
public sealed class JoinOrCreateOptions
{
    /// <summary>Quick join seats the player only in a room created with these properties (up to 8 pairs), or opens one with them.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; set; }
}

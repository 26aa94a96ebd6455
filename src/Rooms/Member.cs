namespace OrleansGame.Rooms;

/// <summary>A seated player, as the host keeps it: identity, connection state and round-trip time. Read-only to modes.</summary>
public sealed class Member
{
    internal Member(string playerId, string name, DateTimeOffset joinedAt)
    {
        PlayerId = playerId;
        Name = name;
        JoinedAt = joinedAt;
    }

    /// <summary>The player's id.</summary>
    public string PlayerId { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>When the player took the seat.</summary>
    public DateTimeOffset JoinedAt { get; }

    /// <summary>Whether the connection dropped and the seat is held for the player's return.</summary>
    public bool IsAway { get; internal set; }

    /// <summary>The smoothed round-trip time the player's ping service measured, in milliseconds (0 before any).</summary>
    public int RttMs { get; internal set; }
}

namespace OrleansGame.BareHub;

/// <summary>A seat in a bare room: the player's id, a moving position and the last input sequence seen.</summary>
internal sealed class BareMember(string connectionId, string playerId, double x, double y)
{
    /// <summary>The SignalR connection.</summary>
    public string ConnectionId { get; } = connectionId;

    /// <summary>The player's id (the token the session handed out).</summary>
    public string PlayerId { get; } = playerId;

    /// <summary>Position x.</summary>
    public double X { get; set; } = x;

    /// <summary>Position y.</summary>
    public double Y { get; set; } = y;

    /// <summary>Direction x, as last sent (not validated: this hub is the limit, not the game).</summary>
    public double Dx { get; set; }

    /// <summary>Direction y.</summary>
    public double Dy { get; set; }

    /// <summary>The last input sequence, acknowledged in the next snapshot.</summary>
    public long LastSeq { get; set; }

    /// <summary>The last ping round trip.</summary>
    public int RttMs { get; set; }
}

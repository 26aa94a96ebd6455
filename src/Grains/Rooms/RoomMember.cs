using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Grains.Rooms;

/// <summary>What a room knows about a seated player besides its place in the arena.</summary>
internal sealed class RoomMember(string playerId, string name)
{
    /// <summary>The player's id.</summary>
    public string PlayerId { get; } = playerId;

    /// <summary>The display name shown in the roster, chat and results.</summary>
    public string Name { get; } = name;

    /// <summary>The last input sequence applied (0 before any); sent back as <c>ackSeq</c>.</summary>
    public long LastSeq { get; set; }

    /// <summary>The smoothed round-trip time the player's ping service reported.</summary>
    public int RttMs { get; set; }

    /// <summary>The connection to push to; null while the player is away.</summary>
    public IPlayerObserver? Observer { get; set; }

    /// <summary>
    /// The gateway of that connection, through which snapshots go together with those of the other members on it;
    /// null to push them to <see cref="Observer"/>.
    /// </summary>
    public IGatewayObserver? Gateway { get; set; }

    /// <summary>When the connection went away; null while connected.</summary>
    public DateTimeOffset? AwaySince { get; set; }
}

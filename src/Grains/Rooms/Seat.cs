using OrleansGame.Grains.Abstractions;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>A seat in a room: the member the mode sees, and the connection the host pushes to.</summary>
internal sealed class Seat(Member member)
{
    /// <summary>The member as the mode sees it.</summary>
    public Member Member { get; } = member;

    /// <summary>The player's id.</summary>
    public string PlayerId => Member.PlayerId;

    /// <summary>The connection to push to; null while the player is away.</summary>
    public IPlayerObserver? Observer { get; set; }

    /// <summary>
    /// The gateway of that connection, through which the state goes together with that of the other members on it;
    /// null to push it to <see cref="Observer"/>.
    /// </summary>
    public IGatewayObserver? Gateway { get; set; }

    /// <summary>When the connection went away; null while connected.</summary>
    public DateTimeOffset? AwaySince { get; set; }
}

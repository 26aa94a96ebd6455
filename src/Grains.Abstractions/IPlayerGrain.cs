using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// One player (key: player id): persisted profile and stats, the current connection's observer, the ping
/// service, the reconnect window and the current room.
/// </summary>
public interface IPlayerGrain : IGrainWithStringKey
{
    /// <summary>Creates the profile on first use, or renames it; returns the stored profile.</summary>
    Task<PlayerProfile> RegisterAsync(string name);

    /// <summary>The stored profile, or null when this player was never registered.</summary>
    Task<PlayerProfile?> GetProfileAsync();

    /// <summary>
    /// Makes <paramref name="observer"/> the player's connection: the newest wins, an older one receives
    /// <c>Closing{duplicate_session}</c>. When the player still holds a seat, the seat is resumed and the room
    /// state is pushed to the observer as <c>RoomState</c>. Snapshots go through <paramref name="gateway"/>, the
    /// connection's gateway, when there is one.
    /// </summary>
    Task AttachAsync(IPlayerObserver observer, IGatewayObserver? gateway = null);

    /// <summary>
    /// Renews the subscription of <paramref name="observer"/>: null while it is the player's connection (re-attached
    /// when the grain was reactivated elsewhere); otherwise the <see cref="Closing"/> the caller closes it with: why
    /// the grain closed it (<c>ping_timeout</c>), or <c>duplicate_session</c> when another connection is the player's.
    /// </summary>
    Task<Closing?> RenewAsync(IPlayerObserver observer, IGatewayObserver? gateway = null);

    /// <summary>
    /// Renews as <see cref="RenewAsync"/> does, and pushes the room's state again as <c>RoomState</c> when
    /// <paramref name="observer"/> is the player's connection and holds a seat: its gateway was cut off from the cluster
    /// for a while, and what the grains pushed meanwhile (a room resumed on another silo sends its state once) is lost.
    /// </summary>
    Task<Closing?> ResyncAsync(IPlayerObserver observer, IGatewayObserver? gateway = null);

    /// <summary>The connection of <paramref name="observer"/> ended: the player is away and the seat hold starts.</summary>
    Task DetachAsync(IPlayerObserver observer);

    /// <summary>
    /// The client's answer to a ping. It interleaves with a join the grain is still awaiting, so a slow join never
    /// leaves a pong unread until the ping times out.
    /// </summary>
    [OneWay]
    [AlwaysInterleave]
    Task PongAsync(long seq);

    /// <summary>
    /// Quick join in the request's mode and properties (no room id), or join a room by code; refused with
    /// <c>unknown_mode</c> for a mode no silo runs.
    /// </summary>
    Task<JoinOutcome> JoinRoomAsync(RoomRequest request);

    /// <summary>Creates a room of the request's mode and properties and seats the player in it.</summary>
    Task<JoinOutcome> CreateRoomAsync(RoomRequest request);

    /// <summary>Leaves the current room, if any.</summary>
    Task LeaveRoomAsync();

    /// <summary>The player as the operations console shows it; null when this player was never registered.</summary>
    Task<PlayerView?> InspectAsync();

    /// <summary>
    /// An operator removes the player: the seat is released and the connection gets <c>Closing{kicked}</c> with
    /// <paramref name="reason"/> and is closed. False when this player was never registered.
    /// </summary>
    Task<bool> KickAsync(string reason);

    /// <summary>The room the player holds a seat in, or null.</summary>
    Task<string?> GetCurrentRoomAsync();

    /// <summary>Called by a room when the player's seat is gone (left, expired, or the room closed); one-way, so rooms never wait on players.</summary>
    [OneWay]
    Task OnSeatReleasedAsync(string roomId);

    /// <summary>Called by a room when its mode records a game's result; updates and persists the stats and reports them to the leaderboard.</summary>
    [OneWay]
    Task RecordRoundAsync(RoundStats stats);
}

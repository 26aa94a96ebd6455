using Microsoft.Extensions.Logging;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Modes;
using OrleansGame.Grains.Observability;

namespace OrleansGame.Grains.Matchmaking;

/// <summary>
/// One partition of a pool (a mode and a set of properties; key: <see cref="MatchmakerKeys.Partition"/>): knows its
/// rooms and their occupancy from the rooms' reports, and offers seats in the fullest public room that has one, or a
/// new room; a mode's <see cref="OrleansGame.Rooms.ModeSettings.QuickJoinSeats"/> caps the seats it offers in a room
/// (the others are reached by code only). It never calls a room: the player's grain asks the room, which stays the
/// authority on its seats, and a refused seat comes back as <see cref="SeatRefusedAsync"/>. Every call is therefore a short turn, and partitions of
/// one pool on different silos take joins side by side.
/// </summary>
/// <remarks>
/// An offered seat counts as taken until the room's next report shows it (or <see cref="OfferHeld"/> passes), so that
/// concurrent quick joins fill one room before the next: at most one partly filled room per partition in a steady
/// stream, as with one matchmaker that awaited each join.
/// </remarks>
internal sealed partial class MatchmakerGrain(
    GameModeRegistry modes, ILogger<MatchmakerGrain> logger, GrainMetrics metrics, TimeProvider time) : Grain, IMatchmakerGrain
{
    /// <summary>How long an offered seat is held for a player whose join the room has not reported yet.</summary>
    public static readonly TimeSpan OfferHeld = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a removed room's late reports are ignored: reports and the removal are one-way messages, which Orleans
    /// may deliver out of order, and a report overtaken by the removal would list a room that no longer exists.
    /// </summary>
    public static readonly TimeSpan RemovedRemembered = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Entry> rooms = [];
    private readonly Dictionary<string, DateTimeOffset> removed = [];
    private readonly Queue<(string RoomId, DateTimeOffset At)> removals = new();
    private RoomSpec? spec;
    private int capacity = int.MaxValue;
    private int quickJoinSeats = int.MaxValue;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (mode, properties) = MatchmakerKeys.Parse(Key);
        spec = new RoomSpec(mode, false, properties, Key);
        if (modes.TryGet(mode, out var hosted))
        {
            capacity = hosted.Settings.Capacity;
            quickJoinSeats = hosted.Settings.QuickJoinSeats ?? capacity;
        }

        metrics.PartitionActivated(mode);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.PartitionDeactivated(spec!.Mode);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SeatOffer> OfferSeatAsync() => OfferAsync(onlyOpening: false);

    /// <inheritdoc />
    public Task<SeatOffer> OfferSeatAfterRefusalAsync(string roomId, string code, bool newRoom)
    {
        Refused(roomId, code);
        return OfferAsync(onlyOpening: newRoom);
    }

    /// <summary>
    /// Offers the fullest public room with a seat not yet offered, or a new room. With <paramref name="onlyOpening"/>
    /// only rooms this partition opened and has not heard from yet qualify: their seats are known exactly (every one
    /// was offered here), whatever reports are late or out of order.
    /// </summary>
    private Task<SeatOffer> OfferAsync(bool onlyOpening)
    {
        var now = time.GetUtcNow();
        Entry? best = null;
        foreach (var entry in rooms.Values)
        {
            var taken = entry.Taken(now);
            if (!entry.Info.IsPrivate && entry.Info.Joinable && (entry.Opening || !onlyOpening)
                && taken < Math.Min(entry.Info.Capacity, quickJoinSeats) && (best is null || taken > best.Taken(now)))
            {
                best = entry;
            }
        }

        metrics.PartitionOffered(spec!.Mode, rooms.Count);
        if (best is null)
        {
            return OfferNewRoomAsync(isPrivate: false);
        }

        best.Hold(now);
        return Task.FromResult(new SeatOffer(best.Info.RoomId, best.Opening ? best.Spec : null));
    }

    /// <inheritdoc />
    public Task<SeatOffer> OfferNewRoomAsync(bool isPrivate)
    {
        string roomId;
        do
        {
            roomId = RoomCodes.NewCode();
        }
        while (rooms.ContainsKey(roomId) || removed.ContainsKey(roomId));

        var roomSpec = spec! with { IsPrivate = isPrivate };
        var entry = new Entry(new RoomInfo(roomId, 0, capacity, "opening", isPrivate, roomSpec.Mode), roomSpec) { Opening = true };
        entry.Hold(time.GetUtcNow());
        rooms[roomId] = entry;
        LogRoomOffered(roomId, Key, isPrivate);
        return Task.FromResult(new SeatOffer(roomId, roomSpec));
    }

    /// <inheritdoc />
    public Task SeatRefusedAsync(string roomId, string code)
    {
        Refused(roomId, code);
        return Task.CompletedTask;
    }

    private void Refused(string roomId, string code)
    {
        if (!rooms.TryGetValue(roomId, out var entry))
        {
            return;
        }

        switch (code)
        {
            case ErrorCodes.RoomFull:
                entry.Info = entry.Info with { Players = entry.Info.Capacity };
                entry.Release();
                break;
            case ErrorCodes.RoomInProgress:
                entry.Info = entry.Info with { Joinable = false };
                entry.Release();
                break;
            case ErrorCodes.RoomNotFound or ErrorCodes.RoomFailed or ErrorCodes.TooManyRooms:
                rooms.Remove(roomId);
                break;
            default:
                // The mode refused this player, not the seat: the seat is free for the next one.
                entry.Release();
                break;
        }
    }

    /// <inheritdoc />
    public Task ReportRoomAsync(RoomInfo room)
    {
        ArgumentNullException.ThrowIfNull(room);
        ForgetOldRemovals(time.GetUtcNow());
        if (removed.ContainsKey(room.RoomId))
        {
            return Task.CompletedTask;
        }

        if (rooms.TryGetValue(room.RoomId, out var entry))
        {
            // Seats the room now reports taken were offered ones: they no longer need holding.
            entry.Seated(Math.Max(0, room.Players - entry.Info.Players));
            entry.Info = room;
            entry.Opening = false;
        }
        else
        {
            rooms[room.RoomId] = new Entry(room, spec! with { IsPrivate = room.IsPrivate });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveRoomAsync(string roomId)
    {
        var now = time.GetUtcNow();
        ForgetOldRemovals(now);
        rooms.Remove(roomId);
        removed[roomId] = now;
        removals.Enqueue((roomId, now));
        return Task.CompletedTask;
    }

    private void ForgetOldRemovals(DateTimeOffset now)
    {
        while (removals.TryPeek(out var removal) && now - removal.At >= RemovedRemembered)
        {
            removals.Dequeue();
            if (removed.TryGetValue(removal.RoomId, out var at) && at == removal.At)
            {
                removed.Remove(removal.RoomId);
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoomInfo>> ListRoomsAsync() =>
        Task.FromResult<IReadOnlyList<RoomInfo>>(
        [
            .. rooms.Values.Where(static e => !e.Info.IsPrivate && !e.Opening).Select(static e => e.Info)
                .OrderByDescending(static r => r.Players).ThenBy(static r => r.RoomId, StringComparer.Ordinal),
        ]);

    /// <summary>A room as the partition knows it: its last report, and the seats offered since that it has not reported taken.</summary>
    private sealed class Entry(RoomInfo info, RoomSpec spec)
    {
        private readonly Queue<DateTimeOffset> offered = new();

        public RoomInfo Info { get; set; } = info;

        public RoomSpec Spec { get; } = spec;

        /// <summary>Whether the room has not reported yet: offers carry its spec, so that whichever join comes first opens it.</summary>
        public bool Opening { get; set; }

        /// <summary>The seats taken as far as offers go: the reported ones and those offered within <see cref="OfferHeld"/>.</summary>
        public int Taken(DateTimeOffset now)
        {
            while (offered.TryPeek(out var at) && now - at > OfferHeld)
            {
                offered.Dequeue();
            }

            return Info.Players + offered.Count;
        }

        public void Hold(DateTimeOffset now) => offered.Enqueue(now);

        public void Release() => offered.TryDequeue(out _);

        public void Seated(int seats)
        {
            for (var i = 0; i < seats && offered.TryDequeue(out _); i++)
            {
            }
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Modes;
using OrleansGame.Grains.Observability;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// One room (key: room code), hosting any registered game mode: seats and their hold, the fixed-rate tick with the
/// batch of messages since the last one, the state pushed to members, and the checkpoint (the mode's state as JSON
/// with the host's seats) that lets play resume on another silo. A mode that throws ends its own room only.
/// </summary>
internal sealed partial class RoomGrain(
    GameModeRegistry modes,
    TimeProvider time,
    ILogger<RoomGrain> logger,
    GrainMetrics metrics,
    SiloRooms siloRooms,
    [PersistentState("room", "game")] IPersistentState<RoomStorage> storage) : Grain, IRoomGrain, IRoomOutput
{
    private readonly Dictionary<string, Seat> seats = [];
    private Dictionary<string, MessageRule> rules = [];
    private MessageLimit[] limits = [];
    private IHostedMode? mode;
    private ModeSettings? settings;
    private RoomContext? room;
    private object? state;
    private IGrainTimer? tickTimer;
    private TickSchedule? tickSchedule;
    private DateTimeOffset? emptySince;
    private string? creator;
    private bool abandoned;
    private bool checkpointDue;
    private DateTimeOffset activeSince;
    private IMatchmakerGrain? matchmaker;

    private string RoomId => this.GetPrimaryKeyString();

    private string SiloAddress => ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    // Resolved once per hosting: GetGrain resolves the interface's grain type on every call, which showed at a few
    // percent of a quick-join burst's CPU when done for every report.
    private IMatchmakerGrain Matchmaker =>
        matchmaker ??= GrainFactory.GetGrain<IMatchmakerGrain>(room!.Spec.Partition ?? MatchmakerKeys.Partition(MatchmakerKeys.For(room.Mode, room.Properties), 0));

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (storage.State is not { Opened: true, Checkpoint: { } checkpoint })
        {
            return;
        }

        if (!Restore(checkpoint))
        {
            await storage.ClearStateAsync(cancellationToken);
            this.DeactivateOnIdle();
            return;
        }

        StartTicking();
        Note(RoomLogCodes.Restored, $"restored from its checkpoint at tick {room!.Tick} on silo {SiloAddress}, {seats.Count} seats");
        metrics.RoomActivated(room.Mode);
        siloRooms.Restored();
        metrics.RoomRestored();
        LogResumed(RoomId, room.Mode, room.Tick, seats.Count);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopTimers();
        if (room is null)
        {
            return;
        }

        metrics.RoomDeactivated(room.Mode);
        siloRooms.Closed();
        if (stale)
        {
            // Another activation wrote the room: this one's state is not the room's any more. The room comes back from storage.
            await checkpointWrite;
            CallBackAfterDeactivation();
            return;
        }

        LogDeactivating(RoomId, reason.ReasonCode, room.Tick);
        Note(RoomLogCodes.Deactivating, $"deactivating on silo {SiloAddress} ({reason.ReasonCode}) at tick {room.Tick}; it resumes from its checkpoint");
        await CheckpointNowAsync();
        metrics.RoomHandedOver(reason.ReasonCode);
        AnnounceMoveIfSiloStopping(reason);
    }

    /// <summary>
    /// Opens the room for <paramref name="spec"/>'s mode: its first join, offered by a matchmaker partition, does.
    /// False when the silo runs as many rooms as it may.
    /// </summary>
    private async Task<bool> OpenAsync(RoomSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (room is not null)
        {
            return true;
        }

        if (!modes.TryGet(spec.Mode, out var hosted))
        {
            throw new ArgumentException($"no game mode '{spec.Mode}' is registered on this silo", nameof(spec));
        }

        if (!siloRooms.TryOpen())
        {
            LogSiloFull(RoomId, siloRooms.Open);
            this.DeactivateOnIdle();
            return false;
        }

        Host(hosted, spec);
        emptySince = time.GetUtcNow();
        if (!Guard(() => state = hosted.CreateState(new RoomSetup(RoomId, spec.IsPrivate, spec.Properties, (ulong)Random.Shared.NextInt64())), "CreateState"))
        {
            siloRooms.Closed();
            throw new InvalidOperationException($"the game mode '{spec.Mode}' could not create room {RoomId}");
        }

        storage.State.Opened = true;
        notedPhase = (room!.Phase, room.InProgress);
        Note(RoomLogCodes.Opened, $"opened for mode {spec.Mode} ({(spec.IsPrivate ? "private" : "public")}) on silo {SiloAddress}");
        StartTicking();
        metrics.RoomActivated(spec.Mode);
        await CheckpointNowAsync();
        LogOpened(RoomId, spec.Mode, spec.IsPrivate);
        return true;
    }

    /// <inheritdoc />
    public Task<RoomInfo> GetInfoAsync()
    {
        if (room is null)
        {
            this.DeactivateOnIdle();
            return Task.FromResult(new RoomInfo(RoomId, 0, 0, "closed", IsPrivate: true, Joinable: false));
        }

        return Task.FromResult(Info());
    }

    private void Host(IHostedMode hosted, RoomSpec spec)
    {
        mode = hosted;
        settings = hosted.Settings;
        rules = settings.Messages.ToDictionary(static r => r.Type, StringComparer.Ordinal);
        limits = [.. settings.Messages.Select(static r => new MessageLimit(r.Type, r.MaxBytes, r.PerSecond, r.Burst))];
        room = new RoomContext(RoomId, spec, settings, time, this);
        matchmaker = null;
        activeSince = time.GetUtcNow();
    }

    private RoomInfo Info() =>
        new(RoomId, seats.Count, settings!.Capacity, room!.Phase, room.IsPrivate, room.Mode, room.Joinable);

    private void StartTicking()
    {
        tickTimer?.Dispose();
        nextPeriodicAt = time.GetUtcNow() + settings!.CheckpointInterval;
        tickSchedule = new TickSchedule(time, settings!.TickInterval);
        tickTimer = this.RegisterGrainTimer(
            TickAsync,
            new GrainTimerCreationOptions(tickSchedule.Start(), settings.TickInterval) { KeepAlive = true });
    }

    private void ReportOccupancy()
    {
        // One-way: the matchmaker may be awaiting this very room's JoinAsync.
        _ = Matchmaker.ReportRoomAsync(Info());
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Arena;
using OrleansGame.Grains.Observability;
using OrleansGame.Grains.Options;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// One room (key: room code): the arena, the tick that pushes snapshots, the round lifecycle, seat holds and
/// the checkpoint that lets play resume on another silo.
/// </summary>
internal sealed partial class RoomGrain(
    IOptions<ArenaOptions> arenaOptions,
    TimeProvider time,
    ILogger<RoomGrain> logger,
    GrainMetrics metrics,
    [PersistentState("room", "game")] IPersistentState<RoomStorage> storage) : Grain, IRoomGrain
{
    private readonly ArenaOptions options = arenaOptions.Value;
    private readonly Dictionary<string, RoomMember> members = [];
    private ArenaSimulation? arena;
    private IGrainTimer? tickTimer;
    private TickSchedule? tickSchedule;
    private bool isPrivate;
    private DateTimeOffset? emptySince;
    private DateTimeOffset lastCheckpointAt;
    private bool checkpointDue;

    private string RoomId => this.GetPrimaryKeyString();

    private IMatchmakerGrain Matchmaker => GrainFactory.GetGrain<IMatchmakerGrain>(0);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (storage.State is { Opened: true, Checkpoint: { } checkpoint })
        {
            Restore(checkpoint);
            StartTicking();
            metrics.RoomActivated();
            metrics.RoomRestored();
            LogResumed(RoomId, arena!.Tick, members.Count);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        tickTimer?.Dispose();
        if (arena is not null)
        {
            LogDeactivating(RoomId, reason.ReasonCode, arena.Tick);
            await WriteCheckpointAsync();
            metrics.RoomDeactivated();
            metrics.RoomHandedOver(reason.ReasonCode);
            AnnounceMoveIfSiloStopping(reason);
        }
    }

    /// <inheritdoc />
    public async Task OpenAsync(bool isPrivate)
    {
        if (arena is not null)
        {
            return;
        }

        this.isPrivate = isPrivate;
        arena = new ArenaSimulation(options, (ulong)Random.Shared.NextInt64());
        emptySince = time.GetUtcNow();
        storage.State.Opened = true;
        StartTicking();
        metrics.RoomActivated();
        await WriteCheckpointAsync();
        LogOpened(RoomId, isPrivate);
    }

    /// <inheritdoc />
    public Task<RoomInfo> GetInfoAsync()
    {
        if (arena is null)
        {
            this.DeactivateOnIdle();
        }

        return Task.FromResult(Info());
    }

    private RoomInfo Info() =>
        new(RoomId, members.Count, options.Capacity, PhaseName(), isPrivate);

    private string PhaseName() => arena?.Phase == ArenaPhase.Results ? RoomPhases.Results : RoomPhases.Playing;

    private void StartTicking()
    {
        tickTimer?.Dispose();
        lastCheckpointAt = time.GetUtcNow();
        tickSchedule = new TickSchedule(time, options.TickInterval);
        tickTimer = this.RegisterGrainTimer(
            TickAsync,
            new GrainTimerCreationOptions(tickSchedule.Start(), options.TickInterval) { KeepAlive = true });
    }

    private void ReportOccupancy()
    {
        // One-way: the matchmaker may be awaiting this very room's JoinAsync.
        _ = Matchmaker.ReportRoomAsync(Info());
    }
}

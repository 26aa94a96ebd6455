namespace OrleansGame.Gateway.Connections;

/// <summary>
/// Hand-over: following the player's room when its silo stops and it moves to another one, and asking for its state
/// again when this gateway's connection to the cluster comes back.
/// </summary>
internal sealed partial class PlayerConnection
{
    private static readonly TimeSpan FollowRoomAttemptTimeout = TimeSpan.FromSeconds(5);
    private const int FollowRoomAttempts = 3;

    /// <summary>The wait before a failed resync is tried again; the second wait is twice as long.</summary>
    public static readonly TimeSpan ResyncRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The room said it is moving (its silo is stopping; it has checkpointed): call it, which reactivates it on a
    /// surviving silo from the checkpoint, so snapshots resume without waiting for the next input.
    /// </summary>
    public async Task FollowRoomAsync(string roomId)
    {
        for (var attempt = 1; _room is { } room && room.Id == roomId && attempt <= FollowRoomAttempts && Volatile.Read(ref _stopping) == 0; attempt++)
        {
            try
            {
                await room.Grain.GetInfoAsync().WaitAsync(FollowRoomAttemptTimeout);
                LogFollowedRoom(_logger, PlayerId, roomId, attempt);
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The old activation may still be finishing, or the silo hosting the directory entry may be leaving: retry.
                LogFollowRoomFailed(_logger, PlayerId, roomId, attempt, exception);
            }
        }
    }

    /// <summary>
    /// This gateway's connection to the cluster came back after it had none: asks the player grain to push the room's
    /// state again, since what the grains pushed meanwhile is lost (a room resumed on another silo sends its state once,
    /// and a mode that sends state only on change would send nothing more until the next change). Closes the connection
    /// when it is no longer the player's. A call that fails is made again after <see cref="ResyncRetryDelay"/> (then
    /// twice that), up to three calls: right after a silo stopped, the cluster can still route the player's grain to
    /// it and refuse the call.
    /// </summary>
    public async Task ResyncAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_observerReference is not { } reference || Volatile.Read(ref _stopping) != 0)
            {
                return;
            }

            try
            {
                if (await _player.ResyncAsync(reference, _fanout.Reference).WaitAsync(FollowRoomAttemptTimeout, _token) is { } ended)
                {
                    await CloseAsync(ended);
                }

                return;
            }
            catch (Exception exception) when (!_token.IsCancellationRequested)
            {
                LogResyncFailed(_logger, PlayerId, attempt, exception);
                if (attempt == FollowRoomAttempts)
                {
                    // The renewal, at its interval, re-attaches and pushes the state as well.
                    return;
                }
            }

            try
            {
                await Task.Delay(ResyncRetryDelay * attempt, _time, _token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Player {PlayerId}'s room {RoomId} moved; called it back (attempt {Attempt})")]
    private static partial void LogFollowedRoom(ILogger logger, string playerId, string roomId, int attempt);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Warning, Message = "Calling player {PlayerId}'s moving room {RoomId} failed (attempt {Attempt})")]
    private static partial void LogFollowRoomFailed(ILogger logger, string playerId, string roomId, int attempt, Exception exception);

    [LoggerMessage(EventId = 1453, Level = LogLevel.Warning, Message = "Asking player {PlayerId}'s grain for the room's state again failed (attempt {Attempt})")]
    private static partial void LogResyncFailed(ILogger logger, string playerId, int attempt, Exception exception);
}

namespace OrleansGame.Gateway.Connections;

/// <summary>Hand-over: following the player's room when its silo stops and it moves to another one.</summary>
internal sealed partial class PlayerConnection
{
    private static readonly TimeSpan FollowRoomAttemptTimeout = TimeSpan.FromSeconds(5);
    private const int FollowRoomAttempts = 3;

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

    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Player {PlayerId}'s room {RoomId} moved; called it back (attempt {Attempt})")]
    private static partial void LogFollowedRoom(ILogger logger, string playerId, string roomId, int attempt);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Warning, Message = "Calling player {PlayerId}'s moving room {RoomId} failed (attempt {Attempt})")]
    private static partial void LogFollowRoomFailed(ILogger logger, string playerId, string roomId, int attempt, Exception exception);
}

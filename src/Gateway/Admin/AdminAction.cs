namespace OrleansGame.Gateway.Admin;

/// <summary>Endpoint metadata: the endpoint is an action (it changes something), audited under <see cref="Name"/>; operators only.</summary>
/// <param name="Name">The action's name in the audit log and the metric's <c>action</c> tag.</param>
internal sealed record AdminAction(string Name)
{
    /// <summary>Closing a room.</summary>
    public const string CloseRoom = "close_room";

    /// <summary>Moving a room to another silo.</summary>
    public const string MoveRoom = "move_room";

    /// <summary>Kicking a player.</summary>
    public const string KickPlayer = "kick_player";

    /// <summary>Resetting the leaderboard.</summary>
    public const string ResetLeaderboard = "reset_leaderboard";
}

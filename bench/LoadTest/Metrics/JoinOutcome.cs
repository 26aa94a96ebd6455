namespace OrleansGame.LoadTest.Metrics;

/// <summary>What became of one generator process's players after their last round of joins, a hold later.</summary>
/// <param name="Joined">Players seated and still connected, never sent a <c>Closing</c>.</param>
/// <param name="Failures">Every other player by what happened to it: <c>closing_&lt;reason&gt;</c> (the server closed it,
/// whether or not it was seated: a <c>ping_timeout</c> counts here), <c>join_&lt;code&gt;</c> (the join failed),
/// <c>disconnected</c> (closed without a <c>Closing</c>), <c>not_connected</c> (not connected when the round began).</param>
internal sealed record JoinOutcome(int Joined, Dictionary<string, long> Failures);

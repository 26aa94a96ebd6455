namespace OrleansGame.LoadTest.Metrics;

/// <summary>One generator process's report of a round of quick joins, all sent at once.</summary>
/// <param name="Players">Players of this process that were connected and sent a join.</param>
/// <param name="Joined">Joins answered with a seat.</param>
/// <param name="FirstSentAt">Stopwatch timestamp of the first join sent (one clock for every process of the machine), 0 when none.</param>
/// <param name="LastAnsweredAt">Stopwatch timestamp of the last answer, 0 when none.</param>
/// <param name="Latency">From sending a join to its answer, ms, joins answered with a seat.</param>
/// <param name="Failures">Joins answered otherwise, by the failure's code.</param>
/// <param name="Rooms">The rooms the players were seated in and how many of this process's players each got.</param>
/// <param name="Rosters">The rooms the players were seated in and the largest roster a join result of this process listed for each
/// (the room's players when the last of them was seated: other processes' players and held seats of dropped players included).</param>
/// <param name="Capacity">The rooms' capacity as the join results gave it (0 when none joined).</param>
/// <param name="GeneratorLag">How late this process's own timer and thread pool ran during the round.</param>
/// <param name="GcPauseMs">This process's garbage-collection pauses during the round, in total.</param>
internal sealed record JoinWindow(
    int Players,
    int Joined,
    long FirstSentAt,
    long LastAnsweredAt,
    HistogramData Latency,
    Dictionary<string, long> Failures,
    Dictionary<string, int> Rooms,
    Dictionary<string, int> Rosters,
    int Capacity,
    HistogramData GeneratorLag,
    double GcPauseMs);

namespace OrleansGame.LoadTest.Coordinator;

/// <summary>The measurements of one round of quick joins against one server: every player sent its join at once.</summary>
internal sealed record JoinResult
{
    /// <summary><c>gateway</c> or <c>split</c>.</summary>
    public required string Target { get; init; }

    /// <summary>Silo processes (1 for the standalone gateway, whose silo is co-hosted).</summary>
    public required int Silos { get; init; }

    /// <summary>Whether the server ran on the first core and the generators on the others.</summary>
    public required bool Pinned { get; init; }

    /// <summary><c>json</c> or <c>msgpack</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The round (1: the server's first joins; later rounds: the same players, after leaving their rooms).</summary>
    public required int Round { get; init; }

    /// <summary>Seconds the round waited before it began for the server's JIT to settle (see <see cref="JitWarmth"/>).</summary>
    public double SettleSeconds { get; init; }

    /// <summary>Players asked for.</summary>
    public required int Players { get; init; }

    /// <summary>Players connected when the round began (each sent a join).</summary>
    public required int Connected { get; init; }

    /// <summary>Joins answered with a seat.</summary>
    public required int Seated { get; init; }

    /// <summary>Players seated and still connected a hold after the last answer, never sent a <c>Closing</c>.</summary>
    public required int Joined { get; init; }

    /// <summary>Players asked for that did not end up joined: <see cref="Players"/> - <see cref="Joined"/>.</summary>
    public required int Failed { get; init; }

    /// <summary>The failed players by what happened to them (<see cref="Metrics.JoinOutcome.Failures"/>).</summary>
    public required Dictionary<string, long> Failures { get; init; }

    /// <summary>From the first join sent to the last answer, seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Joins answered with a seat over <see cref="Seconds"/>.</summary>
    public required double JoinsPerSecond { get; init; }

    /// <summary>One join, from sending it to its answer, p50, ms (joins answered with a seat).</summary>
    public required double LatencyP50 { get; init; }

    /// <summary>One join, p95, ms.</summary>
    public required double LatencyP95 { get; init; }

    /// <summary>One join, p99, ms.</summary>
    public required double LatencyP99 { get; init; }

    /// <summary>The slowest join, ms.</summary>
    public required double LatencyMax { get; init; }

    /// <summary>The rooms' capacity (from the join results).</summary>
    public required int Capacity { get; init; }

    /// <summary>Rooms the players were seated in.</summary>
    public required int Rooms { get; init; }

    /// <summary>Of those, rooms with every seat taken.</summary>
    public required int FullRooms { get; init; }

    /// <summary>Of those, rooms with a free seat.</summary>
    public required int PartlyFilledRooms { get; init; }

    /// <summary>Rooms by the number of this round's players seated in them ("8": 249, "4": 1, ...).</summary>
    public required Dictionary<string, int> Fill { get; init; }

    /// <summary>
    /// Rooms by their players as the largest roster a join result listed for them ("8": 249, ...): the room's players
    /// when the last of this round was seated, held seats of dropped players included.
    /// </summary>
    public Dictionary<string, int> RosterFill { get; init; } = [];

    /// <summary>Rooms whose largest roster in the round left a seat free.</summary>
    public int PartlyFilledByRoster { get; init; }

    /// <summary>Rooms holding players in <c>GET /api/rooms</c> a hold after the last round (-1 after earlier rounds, whose
    /// partitions the listing would wake, or when it did not answer).</summary>
    public required int ListedRooms { get; init; }

    /// <summary>The players those listed rooms hold, or -1.</summary>
    public required int ListedPlayers { get; init; }

    /// <summary>Matchmaker partitions active in the cluster (<c>orleansgame_matchmaking_partitions</c> summed over the silos), or -1 when unknown.</summary>
    public required int Partitions { get; init; }

    /// <summary>The bots' server process's CPU over the round, percent of one core.</summary>
    public required double ServerCpu { get; init; }

    /// <summary>Every server-side process's CPU over the round (gateway, silos, redis), percent of one core.</summary>
    public required double ServerSideCpu { get; init; }

    /// <summary>Server-side CPU time per seated join, ms.</summary>
    public required double ServerCpuMsPerJoin { get; init; }

    /// <summary>Other server-side processes (split: silos, redis): CPU % of one core over the round.</summary>
    public required Dictionary<string, double> OtherProcesses { get; init; }

    /// <summary>Generator CPU over the round, percent of one core, per process.</summary>
    public required IReadOnlyList<double> GeneratorCpu { get; init; }

    /// <summary>The generators' own lag p99 during the round, ms.</summary>
    public required double GeneratorLagP99 { get; init; }

    /// <summary>The generators' longest lag during the round, ms.</summary>
    public required double GeneratorLagMax { get; init; }

    /// <summary>The longest total of collection pauses in one generator during the round, ms.</summary>
    public required double GeneratorGcPauseMs { get; init; }

    /// <summary>Whole machine busy share over the round, percent of all cores.</summary>
    public required double MachineBusy { get; init; }

    /// <summary>The machine's 1-minute load average when the round began (other work on a shared machine shows here).</summary>
    public required double LoadAverage { get; init; }
}

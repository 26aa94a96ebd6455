using System.Text.Json.Serialization;

namespace OrleansGame.Arena.Simulation;

/// <summary>
/// The arena's rules as a plain, deterministic simulation: players steer, move at a fixed speed inside the
/// world, collect orbs that respawn at random free positions, and rounds cycle through playing and results.
/// A steady-state <see cref="Step"/> allocates nothing.
/// </summary>
/// <remarks>
/// It is also the arena room's state and checkpoint: <see cref="OrleansGame.Rooms.RoomJson.Options"/> writes it, rules
/// included, and reads it back into an arena that continues exactly as the original would have.
/// </remarks>
[JsonConverter(typeof(ArenaCheckpointConverter))]
public sealed partial class ArenaSimulation
{
    private const int SpawnAttempts = 32;

    private readonly List<ArenaPlayer> players;
    private readonly ArenaOrb[] orbs;
    private readonly int[] movedOrbs;
    private readonly bool[] orbMoved;
    private readonly double width;
    private readonly double height;
    private readonly double playerRadius;
    private readonly double orbRadius;
    private readonly double speed;
    private readonly int orbValue;
    private readonly double roundSeconds;
    private readonly double resultsSeconds;
    private ArenaRandom random;
    private int movedCount;

    /// <summary>Creates an arena at the start of a round, its orbs placed by a generator seeded with <paramref name="seed"/>.</summary>
    public ArenaSimulation(ArenaOptions options, ulong seed)
        : this(ArenaRules.From(options ?? throw new ArgumentNullException(nameof(options))), options.OrbCount, seed)
    {
    }

    /// <summary>Creates an arena with <paramref name="orbCount"/> orbs at the start of a round, placed by a generator seeded with <paramref name="seed"/>.</summary>
    internal ArenaSimulation(ArenaRules rules, int orbCount, ulong seed)
        : this(rules, orbCount)
    {
        random = new ArenaRandom(seed);
        for (var i = 0; i < orbs.Length; i++)
        {
            orbs[i] = FreeOrbPosition();
        }
    }

    /// <summary>Creates an arena at the start of a round with nobody in it and every orb at the origin, for a restore to fill in.</summary>
    private ArenaSimulation(ArenaRules rules, int orbCount)
    {
        Rules = rules;
        width = rules.WorldWidth;
        height = rules.WorldHeight;
        playerRadius = rules.PlayerRadius;
        orbRadius = rules.OrbRadius;
        speed = rules.PlayerSpeed;
        orbValue = rules.OrbValue;
        roundSeconds = rules.RoundSeconds;
        resultsSeconds = rules.ResultsSeconds;
        players = [];
        orbs = new ArenaOrb[orbCount];
        movedOrbs = new int[orbCount];
        orbMoved = new bool[orbCount];
        Phase = ArenaPhase.Playing;
        PhaseRemainingSeconds = roundSeconds;
    }

    /// <summary>The rules this arena plays by, fixed when it was created and carried by its checkpoint.</summary>
    internal ArenaRules Rules { get; }

    /// <summary>Ticks simulated so far.</summary>
    public long Tick { get; private set; }

    /// <summary>The round's phase.</summary>
    public ArenaPhase Phase { get; private set; }

    /// <summary>Seconds left in the current phase.</summary>
    public double PhaseRemainingSeconds { get; private set; }

    /// <summary>The generator's state, for checkpoints.</summary>
    public ulong RandomState => random.State;

    /// <summary>The players, in the order they joined.</summary>
    public IReadOnlyList<ArenaPlayer> Players => players;

    /// <summary>All orbs; an orb's id is its index.</summary>
    public ReadOnlySpan<ArenaOrb> Orbs => orbs;

    /// <summary>The ids of the orbs that moved (were collected and respawned) during the last step.</summary>
    public ReadOnlySpan<int> MovedOrbs => movedOrbs.AsSpan(0, movedCount);

    /// <summary>The player with <paramref name="id"/>, or null.</summary>
    public ArenaPlayer? Find(string id)
    {
        foreach (var player in players)
        {
            if (player.Id == id)
            {
                return player;
            }
        }

        return null;
    }

    /// <summary>Adds a player at a random free position, or returns the existing one with that id.</summary>
    public ArenaPlayer AddPlayer(string id)
    {
        if (Find(id) is { } existing)
        {
            return existing;
        }

        var (x, y) = FreePlayerPosition();
        var player = new ArenaPlayer(id, x, y);
        players.Add(player);
        return player;
    }

    /// <summary>Removes a player; false when there was none with that id.</summary>
    public bool RemovePlayer(string id)
    {
        var index = players.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            return false;
        }

        players.RemoveAt(index);
        return true;
    }

    /// <summary>Marks a player away (standing still, intent cleared) or back.</summary>
    public void SetAway(string id, bool away)
    {
        if (Find(id) is { } player)
        {
            player.Away = away;
            player.SetIntent(0, 0);
        }
    }
}

namespace OrleansGame.Rooms.Testing;

/// <summary>
/// An <see cref="IRoom"/> without a host, for a mode's unit tests: the test seats members and moves the clock, and
/// every send, refusal and result the mode makes is recorded in order. A send reaches a member as the host's would:
/// only when it is seated and not away. <see cref="RoomHarness{TState}"/> drives a mode's hooks over one.
/// </summary>
public sealed class TestRoom : IRoom
{
    private readonly List<Member> members = [];

    /// <summary>A room of <paramref name="mode"/> ticking every <paramref name="tickInterval"/>.</summary>
    public TestRoom(string mode, TimeSpan tickInterval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mode);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tickInterval, TimeSpan.Zero);
        Mode = mode;
        TickInterval = tickInterval;
    }

    /// <inheritdoc />
    public string Id { get; init; } = "test01";

    /// <inheritdoc />
    public string Mode { get; }

    /// <inheritdoc />
    public bool IsPrivate { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public long Tick { get; set; }

    /// <inheritdoc />
    public TimeSpan TickInterval { get; }

    /// <summary>The current time; the test moves it. Starts at 2023-11-14 22:13:20 UTC.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    /// <inheritdoc />
    public IReadOnlyList<Member> Members => members;

    /// <inheritdoc />
    public string Phase { get; set; } = "playing";

    /// <inheritdoc />
    public bool InProgress { get; set; }

    /// <summary>Every message the mode sent, one entry per member reached.</summary>
    public List<SentMessage> Sent { get; } = [];

    /// <summary>Every refusal the mode sent.</summary>
    public List<Rejection> Rejections { get; } = [];

    /// <summary>Every result the mode recorded.</summary>
    public List<GameResult> Results { get; } = [];

    /// <summary>Seats a member at the end of the join order (without telling the mode).</summary>
    public Member Seat(string playerId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(playerId);
        ArgumentNullException.ThrowIfNull(name);
        if (Find(playerId) is not null)
        {
            throw new InvalidOperationException($"{playerId} is already seated");
        }

        var member = new Member(playerId, name, Now);
        members.Add(member);
        return member;
    }

    /// <summary>Takes a member's seat away (without telling the mode) and returns it.</summary>
    public Member Unseat(string playerId)
    {
        var member = Seated(playerId);
        members.Remove(member);
        return member;
    }

    /// <summary>Marks a member away (its connection dropped, its seat held) or back.</summary>
    public Member SetAway(string playerId, bool away)
    {
        var member = Seated(playerId);
        member.IsAway = away;
        return member;
    }

    /// <summary>Sets a member's round-trip time, as the ping service measures it.</summary>
    public Member SetRtt(string playerId, int rttMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rttMs);
        var member = Seated(playerId);
        member.RttMs = rttMs;
        return member;
    }

    /// <inheritdoc />
    public Member? Find(string playerId) => members.Find(m => m.PlayerId == playerId);

    /// <inheritdoc />
    public void Send(string playerId, string type, object payload)
    {
        if (Find(playerId) is { IsAway: false })
        {
            Sent.Add(new SentMessage(playerId, type, payload));
        }
    }

    /// <inheritdoc />
    public void Send(IEnumerable<string> playerIds, string type, object payload)
    {
        ArgumentNullException.ThrowIfNull(playerIds);
        foreach (var playerId in playerIds)
        {
            Send(playerId, type, payload);
        }
    }

    /// <inheritdoc />
    public void Broadcast(string type, object payload, string? except = null)
    {
        foreach (var member in members.ToList())
        {
            if (member.PlayerId != except)
            {
                Send(member.PlayerId, type, payload);
            }
        }
    }

    /// <inheritdoc />
    public void Reject(string playerId, string code, string message) => Rejections.Add(new Rejection(playerId, code, message));

    /// <inheritdoc />
    public void RecordResult(GameResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Results.Add(result);
    }

    private Member Seated(string playerId) =>
        Find(playerId) ?? throw new InvalidOperationException($"{playerId} is not seated");
}

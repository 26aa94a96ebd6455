using OrleansGame.Rooms;

namespace OrleansGame.FourInARow.Tests.Infrastructure;

/// <summary>
/// An <see cref="IRoom"/> without a host: members seated by the test, a clock the test moves, and every refusal and
/// result recorded in the order the mode made them.
/// </summary>
internal sealed class TestRoom : IRoom
{
    private readonly List<Member> members = [];

    public string Id { get; init; } = "k3x9qa";

    public string Mode => "four-in-a-row";

    public bool IsPrivate => false;

    public IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>();

    public long Tick { get; set; }

    public TimeSpan TickInterval => TimeSpan.FromMilliseconds(100);

    public DateTimeOffset Now { get; set; } = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    public IReadOnlyList<Member> Members => members;

    public string Phase { get; set; } = "playing";

    public bool InProgress { get; set; }

    /// <summary>Every refusal the mode sent.</summary>
    public List<Rejection> Rejections { get; } = [];

    /// <summary>Every result the mode recorded.</summary>
    public List<GameResult> Results { get; } = [];

    public Member Seat(string playerId, string name)
    {
        var member = new Member(playerId, name, Now);
        members.Add(member);
        return member;
    }

    public Member Unseat(string playerId)
    {
        var member = members.Single(m => m.PlayerId == playerId);
        members.Remove(member);
        return member;
    }

    public Member? Find(string playerId) => members.Find(m => m.PlayerId == playerId);

    public void Send(string playerId, string type, object payload)
    {
    }

    public void Send(IEnumerable<string> playerIds, string type, object payload)
    {
    }

    public void Broadcast(string type, object payload, string? except = null)
    {
    }

    public void Reject(string playerId, string code, string message) => Rejections.Add(new Rejection(playerId, code, message));

    public void RecordResult(GameResult result) => Results.Add(result);

    /// <summary>An <c>Error</c> sent to one member.</summary>
    internal sealed record Rejection(string To, string Code, string Message);
}

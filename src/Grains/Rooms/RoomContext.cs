using System.Text.Json;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// The <see cref="IRoom"/> a room's mode sees: the members in join order, the clock and phase, and sends that become
/// pushes to the members' connections (each payload serialised once, however many members it goes to).
/// </summary>
internal sealed class RoomContext(string id, RoomSpec spec, ModeSettings settings, TimeProvider time, IRoomOutput output) : IRoom
{
    /// <summary>The hub method generic messages go out as.</summary>
    public const string MessageMethod = "Message";

    private readonly List<Member> members = [];

    /// <inheritdoc />
    public string Id => id;

    /// <inheritdoc />
    public string Mode => spec.Mode;

    /// <inheritdoc />
    public bool IsPrivate => spec.IsPrivate;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Properties => spec.Properties;

    /// <summary>What the room was opened with.</summary>
    public RoomSpec Spec => spec;

    /// <inheritdoc />
    public long Tick { get; set; }

    /// <inheritdoc />
    public TimeSpan TickInterval => settings.TickInterval;

    /// <inheritdoc />
    public DateTimeOffset Now => time.GetUtcNow();

    /// <inheritdoc />
    public IReadOnlyList<Member> Members => members;

    /// <inheritdoc />
    public string Phase { get; set; } = "playing";

    /// <inheritdoc />
    public bool InProgress { get; set; }

    /// <summary>Whether the room takes new players now.</summary>
    public bool Joinable => settings.JoinInProgress || !InProgress;

    /// <summary>Adds a member at the end of the join order.</summary>
    public void Add(Member member) => members.Add(member);

    /// <summary>Removes a member; false when it was not seated.</summary>
    public bool Remove(string playerId) => members.RemoveAll(m => m.PlayerId == playerId) > 0;

    /// <inheritdoc />
    public Member? Find(string playerId)
    {
        // A loop, not List.Find: a mode may call this for every player on every tick (the arena does), and a lambda
        // over playerId is an allocation each time.
        foreach (var member in members)
        {
            if (member.PlayerId == playerId)
            {
                return member;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Send(string playerId, string type, object payload)
    {
        ArgumentNullException.ThrowIfNull(playerId);
        output.Push(playerId, Message(type, payload));
    }

    /// <inheritdoc />
    public void Send(IEnumerable<string> playerIds, string type, object payload)
    {
        ArgumentNullException.ThrowIfNull(playerIds);
        var message = Message(type, payload);
        foreach (var playerId in playerIds)
        {
            output.Push(playerId, message);
        }
    }

    /// <inheritdoc />
    public void Broadcast(string type, object payload, string? except = null)
    {
        var message = Message(type, payload);
        foreach (var member in members)
        {
            if (member.PlayerId != except)
            {
                output.Push(member.PlayerId, message);
            }
        }
    }

    /// <inheritdoc />
    public void Reject(string playerId, string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        output.PushError(playerId, new ErrorMessage(code, message ?? ""));
    }

    /// <inheritdoc />
    public void RecordResult(GameResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        output.Record(result);
    }

    /// <summary>Serialises a payload the way every mode's JSON is written.</summary>
    public static JsonPayload Serialize(object payload) =>
        new(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), RoomJson.Options));

    private ServerMessage Message(string type, object payload)
    {
        if (!ModeNames.IsValid(type))
        {
            throw new ArgumentException($"'{type}' is not a message type", nameof(type));
        }

        ArgumentNullException.ThrowIfNull(payload);
        var json = Serialize(payload);
        return settings.OwnMethods.Contains(type) ? new ServerMessage(type, json) : new ServerMessage(MessageMethod, json, type);
    }
}

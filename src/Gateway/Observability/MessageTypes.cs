using System.Collections.Frozen;
using System.Text;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Rooms;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// The tag values of the gateway's metrics: message types, error codes and close reasons, each from a bounded set so
/// that nothing a client sends can grow the number of time series. The gateway's own names are known from the start;
/// the names of modes (the methods their rooms push, the message types and error codes they declare) are learned from
/// what the grains send, never from what a client sends, up to <see cref="MaxDeclared"/> of each kind; beyond that
/// they count as <see cref="Other"/>.
/// </summary>
internal static class MessageTypes
{
    /// <summary>How many names of modes each kind (methods and message types; error codes) learns at most.</summary>
    public const int MaxDeclared = 64;

    /// <summary>The close reason of a connection the client (or its network) ended, with no <c>Closing</c> sent.</summary>
    public const string ClientClosed = "client";

    /// <summary>The type of a call SignalR could not bind to a hub method.</summary>
    public const string Malformed = "malformed";

    /// <summary>Any value outside the known set.</summary>
    public const string Other = "other";

    private static readonly FrozenDictionary<string, string> Methods = new[]
    {
        nameof(GameHub.Send), nameof(GameHub.Input), nameof(GameHub.Chat), nameof(GameHub.Pong), nameof(GameHub.JoinRoom),
        nameof(GameHub.CreateRoom), nameof(GameHub.LeaveRoom), ServerMethods.Message, ServerMethods.State, ServerMethods.RoomState,
        ServerMethods.Ping, ServerMethods.RoomEvent, ServerMethods.Error, ServerMethods.Closing, ServerMethods.Keyframe, ServerMethods.Delta,
    }.ToFrozenDictionary(static method => method, SnakeCase, StringComparer.Ordinal);

    private static readonly FrozenSet<string> Codes = new[]
    {
        ErrorCodes.RoomFull, ErrorCodes.RoomNotFound, ErrorCodes.InvalidRoomId, ErrorCodes.AlreadyInRoom, ErrorCodes.RateLimited,
        ErrorCodes.InvalidArgument, ErrorCodes.NotInRoom, ErrorCodes.InvalidName, ErrorCodes.UnknownMode, ErrorCodes.UnknownMessage,
        ErrorCodes.MessageTooLarge, ErrorCodes.RoomInProgress, ErrorCodes.RoomFailed, ErrorCodes.TooManyRooms, HttpErrorCodes.Unauthorized,
        HttpErrorCodes.Unavailable,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Reasons = new[]
    {
        ClosingReasons.ServerShutdown, ClosingReasons.PingTimeout, ClosingReasons.Flood, ClosingReasons.DuplicateSession,
        ClosingReasons.Kicked, ClientClosed,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly DeclaredNames Names = new(MaxDeclared, ModeNames.IsValid, SnakeCase);

    private static readonly DeclaredNames DeclaredCodes = new(
        MaxDeclared,
        static code => code.Length <= ModeNames.MaxLength && code.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'),
        static code => code);

    /// <summary>
    /// The type of hub method, client method or message type <paramref name="name"/> (<c>JoinRoom</c> is
    /// <c>join_room</c>), or <see cref="Other"/> when it is neither the gateway's nor declared by a mode.
    /// </summary>
    public static string Of(string? name) =>
        name is null ? Other : Methods.GetValueOrDefault(name) ?? Names.TagOf(name) ?? Other;

    /// <summary>The type of a message the hub handed to a connection.</summary>
    public static string Of(ClientMessage message) => message switch
    {
        ClientMessage.Send send => Of(send.Type),
        ClientMessage.ToRoom toRoom => Of(toRoom.Message.Type),
        ClientMessage.Pong => "pong",
        ClientMessage.JoinRoom => "join_room",
        ClientMessage.CreateRoom => "create_room",
        ClientMessage.LeaveRoom => "leave_room",
        ClientMessage.Malformed => Malformed,
        _ => Other,
    };

    /// <summary>
    /// Learns method names or message types of a mode, as the grains sent them, while fewer than
    /// <see cref="MaxDeclared"/> are known; a name that is not shaped like one (<see cref="ModeNames"/>) is ignored.
    /// </summary>
    public static void Declare(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Declare(name);
        }
    }

    /// <inheritdoc cref="Declare(IEnumerable{string})"/>
    public static void Declare(string name)
    {
        if (!Methods.ContainsKey(name))
        {
            Names.Declare(name);
        }
    }

    /// <summary>
    /// Learns an error code the server sent (a mode's own, such as a refused payload's), while fewer than
    /// <see cref="MaxDeclared"/> are known; one that is not lowercase letters, digits and <c>_</c> is ignored.
    /// </summary>
    public static void DeclareCode(string? code)
    {
        if (code is { Length: > 0 } && !Codes.Contains(code))
        {
            DeclaredCodes.Declare(code);
        }
    }

    /// <summary><paramref name="code"/> if it is a known error code, else <see cref="Other"/>.</summary>
    public static string Code(string? code) => code is null ? Other : Codes.Contains(code) ? code : DeclaredCodes.TagOf(code) ?? Other;

    /// <summary><paramref name="reason"/> if it is a known close reason, else <see cref="Other"/>.</summary>
    public static string Reason(string? reason) => reason is not null && Reasons.Contains(reason) ? reason : Other;

    /// <summary><c>JoinRoom</c> as <c>join_room</c>, <c>my-type</c> as <c>my_type</c>.</summary>
    private static string SnakeCase(string name)
    {
        var tag = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1])))
            {
                tag.Append('_');
            }

            tag.Append(c == '-' ? '_' : char.ToLowerInvariant(c));
        }

        return tag.ToString();
    }
}

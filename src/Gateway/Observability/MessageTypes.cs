using System.Collections.Frozen;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// The tag values of the gateway's metrics: message types, error codes and close reasons, each from a fixed set so
/// that nothing a client sends can grow the number of time series.
/// </summary>
internal static class MessageTypes
{
    /// <summary>The close reason of a connection the client (or its network) ended, with no <c>Closing</c> sent.</summary>
    public const string ClientClosed = "client";

    /// <summary>The type of a call SignalR could not bind to a hub method.</summary>
    public const string Malformed = "malformed";

    /// <summary>Any value outside the known set.</summary>
    public const string Other = "other";

    private static readonly FrozenDictionary<string, string> Methods = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(GameHub.Input)] = "input",
        [nameof(GameHub.Chat)] = "chat",
        [nameof(GameHub.Pong)] = "pong",
        [nameof(GameHub.JoinRoom)] = "join_room",
        [nameof(GameHub.CreateRoom)] = "create_room",
        [nameof(GameHub.LeaveRoom)] = "leave_room",
        [ServerMethods.Snapshot] = "snapshot",
        [ServerMethods.RoomState] = "room_state",
        [ServerMethods.Ping] = "ping",
        [ServerMethods.RoomEvent] = "room_event",
        [ServerMethods.Error] = "error",
        [ServerMethods.Closing] = "closing",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Codes = new[]
    {
        ErrorCodes.RoomFull, ErrorCodes.RoomNotFound, ErrorCodes.InvalidRoomId, ErrorCodes.AlreadyInRoom, ErrorCodes.RateLimited,
        ErrorCodes.InvalidArgument, ErrorCodes.InvalidInput, ErrorCodes.NotInRoom, ErrorCodes.InvalidChat, ErrorCodes.InvalidName,
        HttpErrorCodes.Unauthorized, HttpErrorCodes.Unavailable,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Reasons = new[]
    {
        ClosingReasons.ServerShutdown, ClosingReasons.PingTimeout, ClosingReasons.Flood, ClosingReasons.DuplicateSession,
        ClosingReasons.Kicked, ClientClosed,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The type of hub method or client method <paramref name="method"/> (<c>JoinRoom</c> is <c>join_room</c>).</summary>
    public static string Of(string method) => Methods.GetValueOrDefault(method, Other);

    /// <summary>The type of a message the hub handed to a connection.</summary>
    public static string Of(ClientMessage message) => message switch
    {
        ClientMessage.Input => "input",
        ClientMessage.Chat => "chat",
        ClientMessage.Pong => "pong",
        ClientMessage.JoinRoom => "join_room",
        ClientMessage.CreateRoom => "create_room",
        ClientMessage.LeaveRoom => "leave_room",
        ClientMessage.Malformed => Malformed,
        _ => Other,
    };

    /// <summary><paramref name="code"/> if it is a known error code, else <see cref="Other"/>.</summary>
    public static string Code(string? code) => code is not null && Codes.Contains(code) ? code : Other;

    /// <summary><paramref name="reason"/> if it is a known close reason, else <see cref="Other"/>.</summary>
    public static string Reason(string? reason) => reason is not null && Reasons.Contains(reason) ? reason : Other;
}

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Payloads;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Hubs;

/// <summary>One call of a client, as the hub hands it to the connection's inbound service.</summary>
internal abstract record ClientMessage
{
    /// <summary>The trace context of the hub call that created the message, which its forwarding to the grains continues.</summary>
    public ActivityContext TraceParent { get; init; } = Activity.Current?.Context ?? default;

    /// <summary>
    /// A message for the room's mode: <c>Send(type, payload)</c>, or <c>Input</c> / <c>Chat</c>, which are
    /// <c>Send("Input", ...)</c> and <c>Send("Chat", ...)</c> under the names clients used before <c>Send</c>.
    /// </summary>
    /// <param name="Method">The hub method the client called.</param>
    /// <param name="Type">The message type, as the client sent it.</param>
    /// <param name="Payload">The payload, as the client sent it.</param>
    public sealed record Send(string Method, string? Type, RawJson? Payload) : ClientMessage;

    /// <summary>A message for a mode that passed the gateway's checks, addressed to the room it was checked against.</summary>
    /// <param name="Room">The room.</param>
    /// <param name="Message">The message, as the room receives it.</param>
    public sealed record ToRoom(SeatedRoom Room, InboundMessage Message) : ClientMessage;

    /// <summary>An answer to a ping (<c>Pong</c>).</summary>
    public sealed record Pong(PongMessage? Message) : ClientMessage;

    /// <summary>A call SignalR could not bind to a hub method, or one of the wrong shape; it counts against the connection's limits.</summary>
    public sealed record Malformed(string Target, string Reason) : ClientMessage;

    /// <summary><c>JoinRoom</c>.</summary>
    public sealed record JoinRoom(JoinRoomRequest? Request) : Invocation;

    /// <summary><c>CreateRoom</c>.</summary>
    public sealed record CreateRoom(CreateRoomRequest? Request) : Invocation;

    /// <summary><c>LeaveRoom</c>.</summary>
    public sealed record LeaveRoom : Invocation;

    /// <summary>A call the client awaits: the hub returns <see cref="Reply"/>'s outcome.</summary>
    public abstract record Invocation : ClientMessage
    {
        /// <summary>Completed with the join result (null for <c>LeaveRoom</c>) or a <see cref="HubException"/>.</summary>
        public TaskCompletionSource<RawJson?> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Fails the call with a <see cref="HubException"/> whose message starts with <paramref name="code"/> and a colon.</summary>
        public void Fail(string code, string message) => Reply.TrySetException(new HubException($"{code}: {message}"));
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Hubs;

/// <summary>One call of a client, as the hub hands it to the connection's inbound service.</summary>
internal abstract record ClientMessage
{
    /// <summary>The trace context of the hub call that created the message, which its forwarding to the grains continues.</summary>
    public ActivityContext TraceParent { get; init; } = Activity.Current?.Context ?? default;

    /// <summary>A steering input (<c>Input</c>).</summary>
    public sealed record Input(InputMessage? Message) : ClientMessage;

    /// <summary>A chat line (<c>Chat</c>).</summary>
    public sealed record Chat(ChatRequest? Request) : ClientMessage;

    /// <summary>An answer to a ping (<c>Pong</c>).</summary>
    public sealed record Pong(PongMessage? Message) : ClientMessage;

    /// <summary>A call SignalR could not bind to a hub method; it only counts against the connection's limits.</summary>
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
        public TaskCompletionSource<JoinResult?> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Fails the call with a <see cref="HubException"/> whose message starts with <paramref name="code"/> and a colon.</summary>
        public void Fail(string code, string message) => Reply.TrySetException(new HubException($"{code}: {message}"));
    }
}

using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

/// <summary>An <c>Error</c> from the server: a message it refused, with the contract's code; the connection stays open.</summary>
public sealed class GameErrorEventArgs : EventArgs
{
    /// <summary>The error as the server sent it.</summary>
    public GameErrorEventArgs(ErrorMessage error) => Error = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>The wire record: <c>{"code", "message"}</c>.</summary>
    public ErrorMessage Error { get; }

    /// <summary>The stable code (<c>rate_limited</c>, <c>unknown_message</c>, a mode's own, ...).</summary>
    public string Code => Error.Code;

    /// <summary>The human message.</summary>
    public string Message => Error.Message;
}

using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Client;

/// <summary>The server's <c>Closing</c>, sent just before it closes the connection.</summary>
public sealed class ClosingEventArgs : EventArgs
{
    /// <summary>The notice as the server sent it.</summary>
    public ClosingEventArgs(Closing closing)
    {
        Closing = closing ?? throw new ArgumentNullException(nameof(closing));
        Reason = closing.Reason switch
        {
            ClosingReasons.ServerShutdown => ClosingReason.ServerShutdown,
            ClosingReasons.PingTimeout => ClosingReason.PingTimeout,
            ClosingReasons.Flood => ClosingReason.Flood,
            ClosingReasons.DuplicateSession => ClosingReason.DuplicateSession,
            ClosingReasons.Kicked => ClosingReason.Kicked,
            _ => ClosingReason.Unknown,
        };
    }

    /// <summary>The wire record: <c>{"reason", "message"}</c>.</summary>
    public Closing Closing { get; }

    /// <summary>The reason, typed.</summary>
    public ClosingReason Reason { get; }

    /// <summary>The reason's code as sent (one of <see cref="ClosingReasons"/>).</summary>
    public string Code => Closing.Reason;

    /// <summary>The human message.</summary>
    public string Message => Closing.Message;

    /// <summary>Whether the SDK gives up reconnecting after it: reconnecting would only repeat the problem.</summary>
    public bool IsFinal => Reason is ClosingReason.Flood or ClosingReason.DuplicateSession or ClosingReason.Kicked;
}

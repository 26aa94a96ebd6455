using System.Text.RegularExpressions;

namespace OrleansGame.Client;

/// <summary>Turns a refused hub invocation into a <see cref="GameException"/> with the contract's code.</summary>
internal static class HubErrors
{
    // SignalR reports the server's HubException as "An unexpected error occurred invoking 'X' on the server.
    // HubException: room_full: room k3x9qa is full"; the server's own message starts with the code and a colon.
    private static readonly Regex Coded = new(@"^([a-z][a-z0-9_]*):\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static GameException Parse(Exception error)
    {
        var text = error.Message;
        const string Marker = "HubException:";
        var marker = text.IndexOf(Marker, StringComparison.Ordinal);
        var tail = marker >= 0 ? text.Substring(marker + Marker.Length).Trim() : text;
        var match = Coded.Match(tail);
        return match.Success
            ? new GameException(match.Groups[1].Value, match.Groups[2].Value.Trim(), innerException: error)
            : new GameException(GameException.Network, text, innerException: error);
    }
}

namespace GameName;

/// <summary>The message a client sends to tap: <c>Send("Tap", {"count": 1})</c>.</summary>
/// <param name="Count">How many taps it counts, 1 to <see cref="GameNameRules.MaxTapsPerMessage"/>.</param>
public sealed record Tap(int Count = 1)
{
    /// <summary>The message type.</summary>
    public const string Type = "Tap";
}

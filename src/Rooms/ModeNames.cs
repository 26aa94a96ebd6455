namespace OrleansGame.Rooms;

/// <summary>The shape of mode names and message types: 1 to 32 characters of ASCII letters, digits, <c>_</c> and <c>-</c>.</summary>
public static class ModeNames
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 32;

    /// <summary>Whether <paramref name="name"/> has the shape of a mode name or message type.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

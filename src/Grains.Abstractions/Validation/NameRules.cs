using System.Text;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions.Validation;

/// <summary>
/// The player name rules: 1 to 20 characters after trimming; letters, digits, space, <c>-</c> and <c>_</c>.
/// Characters are Unicode scalar values, so a name never splits a surrogate pair.
/// </summary>
public static class NameRules
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxLength = 20;

    /// <summary>Trims <paramref name="raw"/> and checks it; on failure <paramref name="error"/> carries <c>invalid_name</c>.</summary>
    public static bool TryNormalize(string? raw, out string name, out ErrorMessage? error)
    {
        name = raw?.Trim() ?? "";
        var length = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (!IsAllowed(rune))
            {
                return Fail(out error, $"names may hold letters, digits, spaces, '-' and '_' only (found U+{rune.Value:X4})");
            }
            length++;
        }

        if (length is 0 or > MaxLength)
        {
            return Fail(out error, $"a name must have 1 to {MaxLength} characters after trimming");
        }

        error = null;
        return true;
    }

    private static bool IsAllowed(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '-' or '_';

    private static bool Fail(out ErrorMessage? error, string message)
    {
        error = new ErrorMessage(ErrorCodes.InvalidName, message);
        return false;
    }
}

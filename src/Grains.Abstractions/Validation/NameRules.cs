using System.Buffers;
using System.Text;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions.Validation;

/// <summary>
/// The player name rules: normalised to NFC and trimmed, 1 to 20 characters; letters, digits, space, <c>-</c> and
/// <c>_</c>, and none of the letters that render blank (the Hangul fillers). Characters are Unicode scalar values, so a
/// name never splits a surrogate pair, and a letter typed as a base and a combining accent counts as one letter.
/// </summary>
public static class NameRules
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxLength = 20;

    /// <summary>
    /// Normalises <paramref name="raw"/> to NFC, trims it and checks it; on failure <paramref name="error"/> carries
    /// <c>invalid_name</c>.
    /// </summary>
    public static bool TryNormalize(string? raw, out string name, out ErrorMessage? error)
    {
        name = "";
        if (!IsWellFormed(raw ?? ""))
        {
            return Fail(out error, "names may not hold broken surrogates");
        }

        name = (raw ?? "").Normalize(NormalizationForm.FormC).Trim();
        var length = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsBlankLetter(rune))
            {
                return Fail(out error, $"names may not hold characters that render blank (found U+{rune.Value:X4})");
            }

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

    /// <summary>The Hangul fillers: letters to Unicode, blank on screen, so a name of them would show as nothing.</summary>
    private static bool IsBlankLetter(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0;

    private static bool IsWellFormed(string text)
    {
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }

    private static bool Fail(out ErrorMessage? error, string message)
    {
        error = new ErrorMessage(ErrorCodes.InvalidName, message);
        return false;
    }
}

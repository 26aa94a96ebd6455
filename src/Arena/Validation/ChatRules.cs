using System.Buffers;
using System.Globalization;
using System.Text;

namespace OrleansGame.Arena.Validation;

/// <summary>
/// The chat rules: the text is normalised to NFC and trimmed, then holds 1 to 200 characters, at least one of them
/// visible; no control characters, no format characters (bidi overrides, zero-width characters; a zero-width joiner
/// only between two emoji), at most <see cref="MaxCombiningMarks"/> combining marks on one character, no broken
/// surrogate pairs.
/// </summary>
public static class ChatRules
{
    /// <summary>The longest chat line, in characters (Unicode scalar values, after NFC normalisation).</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The most combining marks (Unicode categories Mn and Me) one character may carry, after NFC normalisation:
    /// enough for the stacked diacritics of real scripts (Vietnamese, Hebrew points, Thai), not for "Zalgo" text.
    /// </summary>
    public const int MaxCombiningMarks = 4;

    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>
    /// Normalises <paramref name="raw"/> to NFC, trims it and checks it; on failure <paramref name="error"/> says why,
    /// for an <c>Error</c> with the code <see cref="ArenaErrorCodes.InvalidChat"/>.
    /// </summary>
    public static bool TryNormalize(string? raw, out string text, out string? error)
    {
        text = "";
        if (!TryDecode(raw ?? "", out _))
        {
            error = "chat text may not hold broken surrogates";
            return false;
        }

        text = (raw ?? "").Normalize(NormalizationForm.FormC).Trim();
        TryDecode(text, out var runes);
        if (runes.Count is 0 or > MaxLength)
        {
            error = $"chat text must have 1 to {MaxLength} characters after trimming";
            return false;
        }

        error = Check(runes);
        return error is null;
    }

    private static string? Check(List<Rune> runes)
    {
        var marks = 0;
        var visible = false;
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                    return "chat text may not hold control characters";
                case UnicodeCategory.Format when rune.Value != ZeroWidthJoiner || !JoinsEmoji(runes, i):
                    return $"chat text may not hold format characters such as bidi overrides or zero-width characters (found U+{rune.Value:X4})";
                case UnicodeCategory.Format:
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark:
                    if (++marks > MaxCombiningMarks)
                    {
                        return $"a character may carry at most {MaxCombiningMarks} combining marks";
                    }

                    continue;
                default:
                    visible |= !Rune.IsWhiteSpace(rune) && !BlankGlyphs.Contains(rune);
                    break;
            }

            marks = 0;
        }

        return visible ? null : "chat text must show at least one visible character";
    }

    /// <summary>A zero-width joiner is allowed where it builds one emoji out of two (👨‍💻): between pictographs.</summary>
    private static bool JoinsEmoji(List<Rune> runes, int joiner)
    {
        var before = joiner - 1;
        // Skin tone modifiers (Sk) and variation selectors (Mn) belong to the emoji before them.
        while (before >= 0 && Rune.GetUnicodeCategory(runes[before]) is UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark)
        {
            before--;
        }

        return before >= 0
            && joiner + 1 < runes.Count
            && Rune.GetUnicodeCategory(runes[before]) == UnicodeCategory.OtherSymbol
            && Rune.GetUnicodeCategory(runes[joiner + 1]) == UnicodeCategory.OtherSymbol;
    }

    private static bool TryDecode(string text, out List<Rune> runes)
    {
        runes = [];
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            runes.Add(rune);
            remaining = remaining[consumed..];
        }

        return true;
    }
}

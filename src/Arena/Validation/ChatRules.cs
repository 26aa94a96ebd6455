using System.Buffers;
using System.Text;

namespace OrleansGame.Arena.Validation;

/// <summary>The chat rules: 1 to 200 characters after trimming, no control characters, no broken surrogate pairs.</summary>
public static class ChatRules
{
    /// <summary>The longest chat line, in characters (Unicode scalar values).</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Trims <paramref name="raw"/> and checks it; on failure <paramref name="error"/> says why, for an <c>Error</c> with
    /// the code <see cref="ArenaErrorCodes.InvalidChat"/>.
    /// </summary>
    public static bool TryNormalize(string? raw, out string text, out string? error)
    {
        text = raw?.Trim() ?? "";
        var remaining = text.AsSpan();
        var length = 0;
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done || Rune.IsControl(rune))
            {
                error = "chat text may not hold control characters or broken surrogates";
                return false;
            }

            remaining = remaining[consumed..];
            length++;
        }

        if (length is 0 or > MaxLength)
        {
            error = $"chat text must have 1 to {MaxLength} characters after trimming";
            return false;
        }

        error = null;
        return true;
    }
}

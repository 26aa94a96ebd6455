using System.Buffers;
using System.Text;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions.Validation;

/// <summary>The chat rules: 1 to 200 characters after trimming, no control characters, no broken surrogate pairs.</summary>
public static class ChatRules
{
    /// <summary>The longest chat line, in characters (Unicode scalar values).</summary>
    public const int MaxLength = 200;

    /// <summary>Trims <paramref name="raw"/> and checks it; on failure <paramref name="error"/> carries <c>invalid_chat</c>.</summary>
    public static bool TryNormalize(string? raw, out string text, out ErrorMessage? error)
    {
        text = raw?.Trim() ?? "";
        var remaining = text.AsSpan();
        var length = 0;
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done || Rune.IsControl(rune))
            {
                error = new ErrorMessage(ErrorCodes.InvalidChat, "chat text may not hold control characters or broken surrogates");
                return false;
            }
            remaining = remaining[consumed..];
            length++;
        }

        if (length is 0 or > MaxLength)
        {
            error = new ErrorMessage(ErrorCodes.InvalidChat, $"chat text must have 1 to {MaxLength} characters after trimming");
            return false;
        }

        error = null;
        return true;
    }
}

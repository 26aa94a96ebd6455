using System.Text;

namespace OrleansGame.Gateway.Auth;

/// <summary>What a signing key must be: long enough for HMAC-SHA256, and not a placeholder someone forgot to replace.</summary>
internal static class SigningKeyRules
{
    /// <summary>The shortest key, in bytes of UTF-8.</summary>
    public const int MinBytes = 32;

    /// <summary>The fewest distinct characters: a key like <c>aaaa...</c> or <c>0123456789</c> repeated is not a secret.</summary>
    public const int MinDistinctCharacters = 12;

    // Words that mark a sample value; the key docker-compose.yml used to fall back on is one of them.
    private static readonly string[] PlaceholderMarkers = ["change-me", "changeme", "change_me", "placeholder", "example", "your-key", "your_key", "local-trial", "insecure", "dummy"];

    /// <summary>Why <paramref name="key"/> cannot sign tokens, or null when it can.</summary>
    public static string? Check(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "the key is empty.";
        }

        if (Encoding.UTF8.GetByteCount(key) < MinBytes)
        {
            return $"the key must hold at least {MinBytes} bytes (HMAC-SHA256); use a random secret, e.g. openssl rand -base64 48.";
        }

        if (PlaceholderMarkers.FirstOrDefault(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase)) is { } marker)
        {
            return $"the key looks like a placeholder (it contains '{marker}'); use a random secret, e.g. openssl rand -base64 48.";
        }

        return key.Distinct().Count() < MinDistinctCharacters
            ? $"the key has fewer than {MinDistinctCharacters} distinct characters; use a random secret, e.g. openssl rand -base64 48."
            : null;
    }
}

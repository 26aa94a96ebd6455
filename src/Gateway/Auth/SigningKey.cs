using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OrleansGame.Gateway.Auth;

/// <summary>The process's token signing key: from configuration, or random for a standalone development run.</summary>
internal sealed class SigningKey(SymmetricSecurityKey key, bool isEphemeral)
{
    /// <summary>The key that signs and validates tokens.</summary>
    public SymmetricSecurityKey Key { get; } = key;

    /// <summary>Whether the key was drawn at random for this process (tokens die with it).</summary>
    public bool IsEphemeral { get; } = isEphemeral;

    /// <summary>Resolves the key from <paramref name="configured"/>, or draws a random one when <paramref name="allowEphemeral"/>.</summary>
    public static SigningKey Resolve(string? configured, bool allowEphemeral)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must hold at least 32 bytes for HMAC-SHA256.");
            }

            return new SigningKey(new SymmetricSecurityKey(bytes), isEphemeral: false);
        }

        if (!allowEphemeral)
        {
            throw new InvalidOperationException("Auth:SigningKey is required when the gateway runs as a cluster client.");
        }

        return new SigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), isEphemeral: true);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OrleansGame.Gateway.Auth;

/// <summary>
/// The token signing keys: the first signs, every one validates, so a key can be rotated without logging anybody out.
/// From <c>Auth:SigningKeys</c> then <c>Auth:SigningKey</c>, or one random key for a standalone gateway given none.
/// </summary>
internal sealed class SigningKeyRing
{
    private SigningKeyRing(IReadOnlyList<SymmetricSecurityKey> keys, bool isEphemeral) => (Keys, IsEphemeral) = (keys, isEphemeral);

    /// <summary>The key that signs new tokens.</summary>
    public SymmetricSecurityKey Current => Keys[0];

    /// <summary>Every key a token may be signed with, the current one first.</summary>
    public IReadOnlyList<SymmetricSecurityKey> Keys { get; }

    /// <summary>Whether the key was drawn at random for this process (its tokens die with it).</summary>
    public bool IsEphemeral { get; }

    /// <summary>
    /// Reads the keys from <paramref name="auth"/> (the <c>Auth</c> section); with none configured, draws a random one when
    /// <paramref name="allowEphemeral"/>. Throws <see cref="InvalidSigningKeyException"/> naming the bad setting otherwise.
    /// </summary>
    public static SigningKeyRing Resolve(IConfigurationSection auth, bool allowEphemeral)
    {
        var configured = auth.GetSection(nameof(AuthOptions.SigningKeys)).GetChildren()
            .Select(entry => (Setting: entry.Path, Options: entry.Get<SigningKeyOptions>() ?? new()))
            .ToList();
        if (auth[nameof(AuthOptions.SigningKey)] is { Length: > 0 } single)
        {
            configured.Add(($"{auth.Path}:{nameof(AuthOptions.SigningKey)}", new SigningKeyOptions { Key = single }));
        }

        if (configured.Count == 0)
        {
            return allowEphemeral
                ? new SigningKeyRing([new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "ephemeral" }], isEphemeral: true)
                : throw new InvalidSigningKeyException(
                    "Auth:SigningKey is required when the gateway runs as a cluster client (Orleans:Mode=Client): set it to a random secret of "
                    + "at least 32 characters, the same on every gateway (e.g. openssl rand -base64 48).");
        }

        List<SymmetricSecurityKey> keys = [];
        foreach (var (setting, options) in configured)
        {
            if (SigningKeyRules.Check(options.Key) is { } problem)
            {
                throw new InvalidSigningKeyException($"{setting}: {problem}");
            }

            var bytes = Encoding.UTF8.GetBytes(options.Key!);
            var id = string.IsNullOrWhiteSpace(options.Id) ? DeriveId(bytes) : options.Id.Trim();
            if (keys.Any(key => key.KeyId == id))
            {
                throw new InvalidSigningKeyException($"{setting}: the key id '{id}' is used twice; every signing key needs its own id.");
            }

            keys.Add(new SymmetricSecurityKey(bytes) { KeyId = id });
        }

        return new SigningKeyRing(keys, isEphemeral: false);
    }

    // Stable across gateways that share the key, and reveals nothing useful about it.
    private static string DeriveId(byte[] key) => "k" + Convert.ToHexStringLower(SHA256.HashData(key))[..12];
}

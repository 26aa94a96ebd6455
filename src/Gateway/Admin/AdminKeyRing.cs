using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansGame.Gateway.Admin;

/// <summary>The configured admin keys, compared in constant time.</summary>
internal sealed class AdminKeyRing(IOptions<AdminOptions> options)
{
    private readonly (byte[] Hash, AdminCaller Caller)[] _keys =
        [.. options.Value.Keys.Select(static k => (Hash(k.Key), new AdminCaller(k.Name, k.ParsedRole ?? AdminRole.ReadOnly)))];

    /// <summary>Whether any key is configured; without one the console refuses everything.</summary>
    public bool Enabled => _keys.Length > 0;

    /// <summary>The caller holding <paramref name="presented"/>, or null when it is no configured key.</summary>
    public AdminCaller? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        // Hashes have one length, so the comparison's time says nothing about the key's.
        var hash = Hash(presented);
        AdminCaller? found = null;
        foreach (var (key, caller) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key, hash))
            {
                found = caller;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

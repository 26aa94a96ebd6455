using System.Text;

namespace OrleansGame.Grains.Abstractions;

/// <summary>
/// The keys of matchmaking: a pool is a mode and a set of properties (the mode's name, then the properties sorted by
/// name as <c>?name=value&amp;...</c> with both escaped, so that equal sets always meet in the same pool), and a
/// partition is one shard of a pool (<c>pool#n</c>).
/// </summary>
public static class MatchmakerKeys
{
    /// <summary>The pool key for <paramref name="mode"/> and <paramref name="properties"/>.</summary>
    public static string For(string mode, IReadOnlyDictionary<string, string>? properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(mode);
        if (properties is null || properties.Count == 0)
        {
            return mode;
        }

        var key = new StringBuilder(mode);
        var separator = '?';
        foreach (var (name, value) in properties.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            key.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return key.ToString();
    }

    /// <summary>The key of partition <paramref name="shard"/> of the pool <paramref name="pool"/>.</summary>
    public static string Partition(string pool, int shard)
    {
        ArgumentException.ThrowIfNullOrEmpty(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        return $"{pool}#{shard}";
    }

    /// <summary>The mode and properties of a pool or partition key (the inverse of <see cref="For"/>).</summary>
    public static (string Mode, IReadOnlyDictionary<string, string> Properties) Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var shard = key.LastIndexOf('#');
        if (shard >= 0)
        {
            key = key[..shard];
        }

        var query = key.IndexOf('?', StringComparison.Ordinal);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (query < 0)
        {
            return (key, properties);
        }

        foreach (var pair in key[(query + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            properties[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return (key[..query], properties);
    }
}

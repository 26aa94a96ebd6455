using System.Collections.Concurrent;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// Names learned at run time, each with its tag value, up to a fixed number: what keeps the tags of modes' names
/// bounded even when a mode makes names up as it goes.
/// </summary>
/// <param name="capacity">The most names it learns.</param>
/// <param name="accepts">Whether a name has the shape it learns.</param>
/// <param name="tag">The tag value of a name.</param>
internal sealed class DeclaredNames(int capacity, Func<string, bool> accepts, Func<string, string> tag)
{
    private readonly ConcurrentDictionary<string, string> _tags = new(StringComparer.Ordinal);

    /// <summary>Learns <paramref name="name"/> if it has the shape and there is room; a known name stays as it is.</summary>
    public void Declare(string name)
    {
        // Checked before adding, so concurrent callers may overshoot the capacity by a few: still bounded.
        if (_tags.Count < capacity && !_tags.ContainsKey(name) && accepts(name))
        {
            _tags.TryAdd(name, tag(name));
        }
    }

    /// <summary>The tag value of <paramref name="name"/>, or null when it was not learned.</summary>
    public string? TagOf(string name) => _tags.GetValueOrDefault(name);
}

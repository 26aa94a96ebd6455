namespace OrleansGame.Client;

/// <summary>A handler of one hub method; disposing it removes it, and a removed handler is never called again.</summary>
internal sealed class Listener(GameClient client, string method, Action<HubEvent> callback, bool inline) : IDisposable
{
    private volatile bool _active = true;

    public string Method { get; } = method;

    /// <summary>Whether it runs on the receive thread (the SDK's own bookkeeping) rather than the callback context.</summary>
    public bool Inline { get; } = inline;

    public bool Active => _active;

    public void Invoke(HubEvent message)
    {
        if (_active)
        {
            callback(message);
        }
    }

    public void Dispose()
    {
        if (_active)
        {
            _active = false;
            client.Remove(this);
        }
    }
}

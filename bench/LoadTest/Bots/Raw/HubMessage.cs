namespace OrleansGame.LoadTest.Bots.Raw;

/// <summary>
/// What <see cref="HubMessageReader"/> read from one frame: the kind and the few fields a bot uses. A mutable struct,
/// reused for every frame of a socket, so that reading allocates nothing but the rare text of an error.
/// </summary>
internal struct HubMessage
{
    /// <summary>What the frame is.</summary>
    public HubMessageKind Kind;

    /// <summary>A snapshot's tick.</summary>
    public long Tick;

    /// <summary>A snapshot's or a ping's server time, Unix milliseconds.</summary>
    public long ServerTime;

    /// <summary>Whether the snapshot holds the bot's own player.</summary>
    public bool HasOwn;

    /// <summary>The bot's own last acknowledged input sequence, when <see cref="HasOwn"/>.</summary>
    public long AckSeq;

    /// <summary>The bot's own round trip as the server measured it, when <see cref="HasOwn"/>.</summary>
    public int RttMs;

    /// <summary>A game ping's sequence.</summary>
    public long PingSeq;

    /// <summary>A completion's invocation id (the bot's ids are numbers).</summary>
    public long InvocationId;

    /// <summary>
    /// An <c>Error</c>'s code, a <c>Closing</c>'s reason, a failed completion's error or a close's error; null
    /// otherwise.
    /// </summary>
    public string? Text;

    /// <summary>Clears every field before the next frame.</summary>
    public void Clear() => this = default;
}

namespace OrleansGame.Client;

/// <summary>How a <see cref="GameClient"/> reaches the server and delivers what it receives.</summary>
public sealed class GameClientOptions
{
    /// <summary>The server's base address, such as <c>http://127.0.0.1:5000</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The hub protocol; <see cref="GameProtocol.Json"/> by default.</summary>
    public GameProtocol Protocol { get; set; } = GameProtocol.Json;

    /// <summary>
    /// Where callbacks and events run: every handler is posted to this context, in the order the server sent its
    /// messages (Unity's main thread: <c>SynchronizationContext.Current</c> in <c>Start</c>). Null (the default) runs
    /// them on the connection's receive thread, so they must be quick and thread-safe.
    /// </summary>
    public SynchronizationContext? CallbackContext { get; set; }

    /// <summary>
    /// How long to keep reconnecting after the connection drops: 60 s by default. The server holds a seat for 20 s,
    /// and a reconnect within that hold resumes it.
    /// </summary>
    public TimeSpan ReconnectWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether to reconnect automatically after a dropped connection (default true).</summary>
    public bool Reconnect { get; set; } = true;

    /// <summary>Whether to answer the server's <c>Ping</c> with <c>Pong</c> (default true; without it the server closes the connection with <c>ping_timeout</c>).</summary>
    public bool AnswerPings { get; set; } = true;

    /// <summary>An HTTP handler for the API and the hub (a proxy, certificates); null for the default.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }
}

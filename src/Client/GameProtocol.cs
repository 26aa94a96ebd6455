namespace OrleansGame.Client;

/// <summary>The SignalR hub protocol a <see cref="GameClient"/> speaks; the field names are the same in both.</summary>
public enum GameProtocol
{
    /// <summary>JSON text (the default).</summary>
    Json,

    /// <summary>MessagePack: smaller messages, the same fields.</summary>
    MessagePack,
}

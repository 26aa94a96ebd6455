namespace OrleansGame.Gateway.Connections;

/// <summary>Receives the calls of one connection that SignalR could not bind to a hub method.</summary>
internal interface IMalformedMessageSink
{
    /// <summary>A call to <paramref name="target"/> could not be bound; <paramref name="reason"/> says why.</summary>
    void OnMalformed(string target, string reason);
}

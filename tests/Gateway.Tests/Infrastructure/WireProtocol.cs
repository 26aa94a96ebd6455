namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>The hub protocols a test client can speak.</summary>
public enum WireProtocol
{
    Json,
    MessagePack,
}

using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>What the inbound service may do to its connection: report an error, or close it.</summary>
internal interface IConnectionOutput
{
    /// <summary>Sends <c>Error</c> to the client.</summary>
    Task SendErrorAsync(ErrorMessage error, CancellationToken cancellationToken);

    /// <summary>Sends <c>Closing</c> and then closes the connection; only the first call does anything.</summary>
    Task CloseAsync(Closing closing);
}

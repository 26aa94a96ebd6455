using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Connections;

/// <summary>What the inbound service sees of its connection (the room it sits in) and may do to it: report an error, or close it.</summary>
internal interface IConnectionOutput
{
    /// <summary>The room the connection's player sits in, as its last join or resumed seat told it; null when not seated.</summary>
    SeatedRoom? Room { get; }

    /// <summary>Sends <c>Error</c> to the client.</summary>
    Task SendErrorAsync(ErrorMessage error, CancellationToken cancellationToken);

    /// <summary>Sends <c>Closing</c> and then closes the connection; only the first call does anything.</summary>
    Task CloseAsync(Closing closing);
}

namespace OrleansGame.Cancellable;

/// <summary>What one unit of a service's work produced.</summary>
public enum CancellationResultKind
{
    /// <summary>A result for the callback; the service keeps running.</summary>
    Item,

    /// <summary>Nothing to report; the service keeps running.</summary>
    Continue,

    /// <summary>The service finished its work normally.</summary>
    Break,
}

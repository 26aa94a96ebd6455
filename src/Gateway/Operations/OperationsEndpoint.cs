namespace OrleansGame.Gateway.Operations;

/// <summary>Endpoint metadata: this endpoint is operational, served on the operations port only.</summary>
internal sealed class OperationsEndpoint
{
    /// <summary>The one instance.</summary>
    public static OperationsEndpoint Instance { get; } = new();

    private OperationsEndpoint()
    {
    }
}

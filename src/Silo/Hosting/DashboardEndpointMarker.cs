namespace OrleansGame.Silo.Hosting;

/// <summary>Endpoint metadata: this endpoint belongs to the dashboard, served on the dashboard port only.</summary>
internal sealed class DashboardEndpointMarker
{
    /// <summary>The one instance.</summary>
    public static DashboardEndpointMarker Instance { get; } = new();

    private DashboardEndpointMarker()
    {
    }
}

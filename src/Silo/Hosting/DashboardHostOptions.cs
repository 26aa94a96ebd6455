namespace OrleansGame.Silo.Hosting;

/// <summary>The Orleans dashboard; bound from the <c>Dashboard</c> section and validated at start.</summary>
internal sealed class DashboardHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>
    /// The URL the dashboard listens on, on its own port apart from the health endpoint, e.g. <c>http://localhost:8081</c>.
    /// Empty disables the dashboard. Default <c>http://localhost:8081</c>.
    /// </summary>
    public string? Url { get; set; } = "http://localhost:8081";

    /// <summary>Milliseconds between the dashboard's counter samples (at least 1000). Default 1000.</summary>
    public int CounterUpdateIntervalMs { get; set; } = 1000;

    /// <summary>Whether a dashboard URL is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}

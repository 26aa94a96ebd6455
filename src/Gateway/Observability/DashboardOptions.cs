using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Observability;

/// <summary>The Orleans dashboard of a standalone gateway; bound from the <c>Dashboard</c> section and validated at start.</summary>
internal sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>
    /// Whether a standalone gateway serves the Orleans dashboard; unset, it does in the Development environment only
    /// (the one <c>dotnet run</c> starts), as with the OpenAPI documents. Served, its filter on every grain call and its
    /// metrics reader, once a second, cost the gateway about 7% of its CPU and 60 MB at 400 players
    /// (docs/benchmarks.md). A gateway in client mode never serves it: each silo serves its own.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Where the dashboard is served. Default <c>/dashboard</c>.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9_/-]*[A-Za-z0-9_-]$", ErrorMessage = "Dashboard:Path must be an absolute path such as /dashboard, without a trailing slash.")]
    public string Path { get; set; } = "/dashboard";

    /// <summary>Whether the dashboard is served in <paramref name="environment"/>: as set, or unset, in Development only.</summary>
    public bool IsEnabledIn(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}

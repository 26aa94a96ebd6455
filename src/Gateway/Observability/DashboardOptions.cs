using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Observability;

/// <summary>The Orleans dashboard of a standalone gateway; bound from the <c>Dashboard</c> section and validated at start.</summary>
internal sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>Whether a standalone gateway serves the Orleans dashboard. Default true. (A gateway in client mode never does: each silo serves its own.)</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the dashboard is served. Default <c>/dashboard</c>.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9_/-]*[A-Za-z0-9_-]$", ErrorMessage = "Dashboard:Path must be an absolute path such as /dashboard, without a trailing slash.")]
    public string Path { get; set; } = "/dashboard";
}

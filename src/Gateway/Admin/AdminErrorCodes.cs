namespace OrleansGame.Gateway.Admin;

/// <summary>The stable codes of the admin API's own errors.</summary>
internal static class AdminErrorCodes
{
    /// <summary>No admin key is configured: the console refuses everything (403).</summary>
    public const string AdminDisabled = "admin_disabled";

    /// <summary>The request's key is missing or is no configured key (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The key's role may not do this (403).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>No active silo has that address (400).</summary>
    public const string SiloNotFound = "silo_not_found";

    /// <summary>The room already runs on that silo (409).</summary>
    public const string SameSilo = "same_silo";
}

namespace OrleansGame.Gateway.Admin;

/// <summary>How an audited action ended: the metric's <c>outcome</c> tag.</summary>
internal static class AdminOutcomes
{
    /// <summary>Done.</summary>
    public const string Ok = "ok";

    /// <summary>The room or player does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>The request was malformed.</summary>
    public const string Invalid = "invalid";

    /// <summary>No key, or an unknown one.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>A read-only key.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>No key is configured.</summary>
    public const string Disabled = "disabled";
}

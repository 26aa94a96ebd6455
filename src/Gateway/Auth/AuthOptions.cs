using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Auth;

/// <summary>Token settings; bound from the <c>Auth</c> section.</summary>
internal sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The HMAC-SHA256 signing key (at least 32 bytes of UTF-8). Required in client mode; standalone mode draws a random per-process key when unset.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a token is valid. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The issuer and audience written into and required of tokens. Default <c>orleans-game</c>.</summary>
    [Required]
    public string Issuer { get; set; } = "orleans-game";

    /// <summary>Tolerated clock difference when checking expiry. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

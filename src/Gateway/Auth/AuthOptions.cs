using System.ComponentModel.DataAnnotations;

namespace OrleansGame.Gateway.Auth;

/// <summary>Token settings; bound from the <c>Auth</c> section.</summary>
internal sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>
    /// The HMAC-SHA256 signing key (at least 32 bytes of UTF-8, not a placeholder). A key is required in client mode (this or
    /// <see cref="SigningKeys"/>); a standalone gateway given none draws a random per-process key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Keys with an id, for rotation: the first signs new tokens, every one (and <see cref="SigningKey"/>, after them)
    /// validates. Default: none.
    /// </summary>
    public IList<SigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>
    /// How long an access token (the one that opens the hub, and may travel in a URL) is valid. Default 1 hour; clients
    /// renew it with the refresh token.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a refresh token is valid: it only buys new tokens at <c>POST /api/sessions</c> and never goes in a URL.
    /// Default 30 days, the guest records' idle expiry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The issuer and audience written into and required of tokens. Default <c>orleans-game</c>.</summary>
    [Required]
    public string Issuer { get; set; } = "orleans-game";

    /// <summary>Tolerated clock difference when checking expiry. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

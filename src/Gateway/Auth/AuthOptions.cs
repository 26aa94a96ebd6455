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

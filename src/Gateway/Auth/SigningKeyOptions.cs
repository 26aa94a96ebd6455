namespace OrleansGame.Gateway.Auth;

/// <summary>One entry of <c>Auth:SigningKeys</c>: a key id and its secret.</summary>
internal sealed class SigningKeyOptions
{
    /// <summary>The key id written into the tokens it signs (the JWT <c>kid</c>). Default: derived from the key.</summary>
    public string? Id { get; set; }

    /// <summary>The HMAC-SHA256 secret: at least 32 bytes of UTF-8, not a placeholder.</summary>
    public string? Key { get; set; }
}

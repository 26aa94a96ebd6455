namespace OrleansGame.Gateway.Security;

/// <summary>Which browser origins may call the gateway besides its own; bound from the <c>Cors</c> section.</summary>
internal sealed class OriginOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cors";

    /// <summary>Allowed origins such as <c>https://game.example</c>; same origin is always allowed. Default: none.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}

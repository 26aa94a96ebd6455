namespace OrleansGame.Gateway.Operations;

/// <summary>The operations listener: health, readiness, metrics and the dashboard; bound from the <c>Operations</c> section.</summary>
internal sealed class OperationsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Operations";

    /// <summary>
    /// The URL of the operations listener, apart from the game's (<c>Urls</c>): an absolute http URL with an explicit port.
    /// Its endpoints answer on this port only, and nothing else does. Default <c>http://localhost:5001</c> (this machine only).
    /// </summary>
    public string Url { get; set; } = "http://localhost:5001";
}

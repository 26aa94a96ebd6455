namespace OrleansGame.Gateway.Hosting;

/// <summary>How the gateway hosts or reaches the grains.</summary>
internal enum OrleansMode
{
    /// <summary>One process: a silo with localhost clustering and in-memory storage runs inside the gateway.</summary>
    Standalone,

    /// <summary>The gateway is an Orleans client of a separate cluster (clustering from <c>ConnectionStrings:redis</c>).</summary>
    Client,
}

namespace OrleansGame.Silo.Hosting;

/// <summary>Where the cluster's Redis is: <c>ConnectionStrings:redis</c> (environment: <c>ConnectionStrings__redis</c>).</summary>
internal sealed class RedisConnectionOptions
{
    /// <summary>The connection string's name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>. No default: required.</summary>
    public string? ConnectionString { get; set; }
}

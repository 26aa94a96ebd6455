using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OrleansGame.Silo.Hosting;

/// <summary>Refuses to start without a usable Redis connection string, saying which setting to set.</summary>
internal sealed class RedisConnectionOptionsValidator : IValidateOptions<RedisConnectionOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, RedisConnectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:redis is not set. The silo keeps cluster membership and grain state in Redis: " +
                "set it, e.g. ConnectionStrings__redis=localhost:6379 in the environment.");
        }

        try
        {
            _ = ConfigurationOptions.Parse(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:redis is not a valid Redis configuration string: {e.Message}");
        }
    }
}

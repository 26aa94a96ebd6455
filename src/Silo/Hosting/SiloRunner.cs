using Microsoft.Extensions.Options;

namespace OrleansGame.Silo.Hosting;

/// <summary>Runs the silo and turns invalid configuration into one clear line on stderr and exit code 2.</summary>
internal static class SiloRunner
{
    /// <summary>Exit code for a configuration that failed validation.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>Runs until the host stops (SIGTERM, Ctrl+C); 0 on a clean stop.</summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        try
        {
            // Checked before the host starts, so a bad setting reads as one line rather than a failed start's stack trace.
            _ = app.Services.GetRequiredService<IOptions<RedisConnectionOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<SiloHostOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<DashboardHostOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<GuestOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (ConfigurationFailures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"silo: invalid configuration: {string.Join(" ", failures)}");
            return InvalidConfigurationExitCode;
        }
    }

    private static List<string> ConfigurationFailures(Exception e) => e switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(v => v.Failures)],
        _ => [],
    };
}

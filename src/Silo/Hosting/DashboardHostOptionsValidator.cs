using Microsoft.Extensions.Options;

namespace OrleansGame.Silo.Hosting;

/// <summary>Checks <see cref="DashboardHostOptions"/> at start.</summary>
internal sealed class DashboardHostOptionsValidator : IValidateOptions<DashboardHostOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DashboardHostOptions options)
    {
        List<string> failures = [];
        if (options.Enabled && !DashboardEndpoint.TryParse(options.Url, out _))
        {
            failures.Add($"Dashboard:Url must be an absolute http URL with an explicit port, e.g. http://localhost:8081, not '{options.Url}'.");
        }

        if (options.CounterUpdateIntervalMs < 1000)
        {
            failures.Add($"Dashboard:CounterUpdateIntervalMs must be at least 1000, not {options.CounterUpdateIntervalMs}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

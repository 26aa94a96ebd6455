using Microsoft.Extensions.Options;

namespace OrleansGame.Silo.Hosting;

/// <summary>
/// Checks <c>HostOptions:ShutdownTimeout</c>: the time a stopping silo has to hand its rooms over (checkpoint,
/// tell the members' connections, deactivate) before the process exits.
/// </summary>
internal sealed class ShutdownOptionsValidator : IValidateOptions<HostOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, HostOptions options) =>
        options.ShutdownTimeout < TimeSpan.FromSeconds(1) || options.ShutdownTimeout > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail($"HostOptions:ShutdownTimeout must be between 00:00:01 and 00:10:00, not {options.ShutdownTimeout}.")
            : ValidateOptionsResult.Success;
}

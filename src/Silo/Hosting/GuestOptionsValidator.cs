using Microsoft.Extensions.Options;

namespace OrleansGame.Silo.Hosting;

/// <summary>Checks <see cref="GuestOptions"/> at start.</summary>
internal sealed class GuestOptionsValidator : IValidateOptions<GuestOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GuestOptions options) =>
        // Redis expires keys in whole seconds.
        options.IdleExpiry >= TimeSpan.FromSeconds(1) && options.IdleExpiry.Ticks % TimeSpan.TicksPerSecond == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Guests:IdleExpiry must be a whole number of seconds, at least 1, e.g. 30.00:00:00, not {options.IdleExpiry}.");
}

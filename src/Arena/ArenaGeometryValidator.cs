using Microsoft.Extensions.Options;

namespace OrleansGame.Arena;

/// <summary>Checks what attribute ranges cannot: that a player and an orb fit inside the world.</summary>
public sealed class ArenaGeometryValidator : IValidateOptions<ArenaOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ArenaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var smallest = Math.Min(options.WorldWidth, options.WorldHeight);
        var largest = 2 * Math.Max(options.PlayerRadius, options.OrbRadius);
        return largest < smallest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Arena: players (radius {options.PlayerRadius}) and orbs (radius {options.OrbRadius}) must fit in the world");
    }
}

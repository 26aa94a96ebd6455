using Microsoft.Extensions.Options;

namespace OrleansGame.Arena;

/// <summary>
/// Checks the attribute ranges of <see cref="ArenaOptions"/> at start (generated code, no reflection);
/// <see cref="ArenaGeometryValidator"/> checks that players and orbs fit in the world.
/// </summary>
[OptionsValidator]
public sealed partial class ArenaOptionsValidator : IValidateOptions<ArenaOptions>;

using Microsoft.Extensions.Options;

namespace OrleansGame.Grains.Options;

/// <summary>Checks <see cref="ArenaOptions"/> at start: the attribute ranges, and that players and orbs fit in the world.</summary>
[OptionsValidator]
internal sealed partial class ArenaOptionsValidator : IValidateOptions<ArenaOptions>;

using Microsoft.Extensions.Options;

namespace OrleansGame.Grains.Options;

/// <summary>Checks the attribute ranges of <see cref="MatchmakingOptions"/> at start.</summary>
[OptionsValidator]
internal sealed partial class MatchmakingOptionsValidator : IValidateOptions<MatchmakingOptions>;

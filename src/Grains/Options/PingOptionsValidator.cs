using Microsoft.Extensions.Options;

namespace OrleansGame.Grains.Options;

/// <summary>Checks the attribute ranges of <see cref="PingOptions"/> at start.</summary>
[OptionsValidator]
internal sealed partial class PingOptionsValidator : IValidateOptions<PingOptions>;

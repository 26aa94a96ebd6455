using Microsoft.Extensions.Options;

namespace OrleansGame.FourInARow;

/// <summary>Checks the attribute ranges of <see cref="FourInARowOptions"/> at start (generated code, no reflection).</summary>
[OptionsValidator]
public sealed partial class FourInARowOptionsValidator : IValidateOptions<FourInARowOptions>;

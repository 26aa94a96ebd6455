using Microsoft.Extensions.Options;

namespace OrleansGame.Grains.Options;

/// <summary>Checks the attribute ranges of <see cref="RoomOptions"/> at start.</summary>
[OptionsValidator]
internal sealed partial class RoomOptionsValidator : IValidateOptions<RoomOptions>;

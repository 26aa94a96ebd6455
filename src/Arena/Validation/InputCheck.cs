namespace OrleansGame.Arena.Validation;

/// <summary>The outcome of <see cref="InputRules.Check"/>: the verdict, and for accepted input the normalised direction.</summary>
/// <param name="Verdict">Accept, ignore or reject.</param>
/// <param name="Seq">The input's sequence number (0 when missing).</param>
/// <param name="Dx">The direction's x component, in [-1, 1], the vector no longer than 1.</param>
/// <param name="Dy">The direction's y component, in [-1, 1], the vector no longer than 1.</param>
/// <param name="Error">Why it was rejected, when it was: the message of an <c>Error</c> with the code <see cref="ArenaErrorCodes.InvalidInput"/>.</param>
public readonly record struct InputCheck(InputVerdict Verdict, long Seq, double Dx, double Dy, string? Error);

using OrleansGame.Arena.Wire;

namespace OrleansGame.Arena.Validation;

/// <summary>
/// The input rules: <c>seq</c> an integer greater than the last accepted one (older ones are ignored),
/// <c>dx</c> and <c>dy</c> finite numbers in [-1, 1]; a vector longer than 1 is normalised.
/// </summary>
public static class InputRules
{
    /// <summary>Checks <paramref name="input"/> against the last sequence accepted from the same player.</summary>
    public static InputCheck Check(InputMessage? input, long lastAcceptedSeq)
    {
        if (input is not { Seq: { } seq, Dx: { } dx, Dy: { } dy })
        {
            return Reject(input?.Seq ?? 0, "an input needs seq, dx and dy");
        }

        if (!double.IsFinite(dx) || !double.IsFinite(dy) || Math.Abs(dx) > 1 || Math.Abs(dy) > 1)
        {
            return Reject(seq, "dx and dy must be finite numbers in [-1, 1]");
        }

        if (seq <= lastAcceptedSeq)
        {
            return new InputCheck(InputVerdict.Stale, seq, 0, 0, null);
        }

        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length > 1)
        {
            dx /= length;
            dy /= length;
        }

        return new InputCheck(InputVerdict.Accept, seq, dx, dy, null);
    }

    private static InputCheck Reject(long seq, string message) =>
        new(InputVerdict.Reject, seq, 0, 0, message);
}

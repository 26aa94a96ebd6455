namespace OrleansGame.Rooms;

/// <summary>
/// Marks a number in a mode's state as a position or another float that clients need only to a fixed precision:
/// <paramref name="stepsPerUnit"/> steps a unit (10: to 0.1). Clients that take compact state receive it as whole
/// steps, and each change as the difference in steps; clients of the full state are not affected.
/// </summary>
/// <remarks>
/// The step belongs to the member's JSON name across the whole state: two members of one name (<c>x</c> of a player
/// and <c>x</c> of an orb) must declare the same step.
/// </remarks>
/// <param name="stepsPerUnit">Steps a unit, 1 to 1,000,000.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class QuantizeAttribute(int stepsPerUnit) : Attribute
{
    /// <summary>Steps a unit: the value goes to clients as a whole multiple of <c>1 / StepsPerUnit</c>.</summary>
    public int StepsPerUnit { get; } = stepsPerUnit is >= 1 and <= 1_000_000
        ? stepsPerUnit
        : throw new ArgumentOutOfRangeException(nameof(stepsPerUnit), stepsPerUnit, "steps per unit must be 1 to 1,000,000");
}

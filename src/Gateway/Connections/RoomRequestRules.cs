using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Gateway.Connections;

/// <summary>
/// The shape of what <c>JoinRoom</c> and <c>CreateRoom</c> carry besides a room code: a mode name (or none, for the
/// cluster's default mode) and up to <see cref="MaxProperties"/> properties whose names are shaped like mode names and
/// whose values have at most <see cref="MaxValueLength"/> characters, for quick join and create (joining by code
/// ignores both). Whether the mode exists is the grains' answer.
/// </summary>
internal static class RoomRequestRules
{
    /// <summary>The most properties a request may carry.</summary>
    public const int MaxProperties = 8;

    /// <summary>The longest property value, in characters.</summary>
    public const int MaxValueLength = 64;

    /// <summary>No properties.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Checks <paramref name="mode"/> and <paramref name="properties"/>; on success <paramref name="checkedProperties"/> is a copy of the properties.</summary>
    public static bool TryCheck(
        string? mode, IReadOnlyDictionary<string, string>? properties, out IReadOnlyDictionary<string, string> checkedProperties, out ErrorMessage? error)
    {
        checkedProperties = None;
        if (mode is not null && !ModeNames.IsValid(mode))
        {
            error = Invalid($"a mode name is 1 to {ModeNames.MaxLength} letters, digits, '_' or '-'");
            return false;
        }

        if (properties is null || properties.Count == 0)
        {
            error = null;
            return true;
        }

        if (properties.Count > MaxProperties)
        {
            error = Invalid($"a room has at most {MaxProperties} properties");
            return false;
        }

        var copy = new Dictionary<string, string>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (!ModeNames.IsValid(name))
            {
                error = Invalid($"a property name is 1 to {ModeNames.MaxLength} letters, digits, '_' or '-'");
                return false;
            }

            if (value is not { Length: <= MaxValueLength })
            {
                error = Invalid($"a property value is a string of at most {MaxValueLength} characters");
                return false;
            }

            copy[name] = value;
        }

        checkedProperties = copy;
        error = null;
        return true;
    }

    private static ErrorMessage Invalid(string message) => new(ErrorCodes.InvalidArgument, message);
}

namespace OrleansGame.Grains.Abstractions.Validation;

/// <summary>Player ids: 32 lowercase hexadecimal characters (a GUID without dashes), made by the gateway for each new guest.</summary>
public static class PlayerIds
{
    /// <summary>The length of a player id.</summary>
    public const int Length = 32;

    /// <summary>Whether <paramref name="playerId"/> has the shape of a player id; only such ids are looked up.</summary>
    public static bool IsValid(string? playerId) =>
        playerId is { Length: Length } && playerId.All(static c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>A fresh player id.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}

using System.Security.Cryptography;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions.Validation;

/// <summary>Room codes: 6 characters of [a-z0-9], drawn from a cryptographic generator so they cannot be guessed.</summary>
public static class RoomCodes
{
    /// <summary>The length of a room code.</summary>
    public const int Length = 6;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Whether <paramref name="roomId"/> has the shape of a room code.</summary>
    public static bool IsValid(string? roomId) =>
        roomId is { Length: Length } && roomId.All(static c => c is >= 'a' and <= 'z' or >= '0' and <= '9');

    /// <summary>An <c>invalid_room_id</c> error for a code of the wrong shape.</summary>
    public static ErrorMessage InvalidError() =>
        new(ErrorCodes.InvalidRoomId, $"a room code is {Length} characters of a-z and 0-9");

    /// <summary>A fresh random code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);
}

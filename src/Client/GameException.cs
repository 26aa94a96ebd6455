namespace OrleansGame.Client;

/// <summary>
/// A refusal from the server or a failure to reach it, with the contract's stable <see cref="Code"/>
/// (<c>room_full</c>, <c>invalid_name</c>, <c>unauthorized</c>, ...; <c>network</c> when the server cannot be reached).
/// </summary>
public sealed class GameException : Exception
{
    /// <summary>A refusal with a code and a human message.</summary>
    public GameException(string code, string message, int? status = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Status = status;
    }

    /// <summary>The stable lowercase code (docs/protocol.md).</summary>
    public string Code { get; }

    /// <summary>The HTTP status of a refused HTTP request; null for hub calls.</summary>
    public int? Status { get; }

    /// <summary>The code a client-side failure to reach the server carries.</summary>
    public const string Network = "network";

    /// <summary>The code of a refused or expired token.</summary>
    public const string Unauthorized = "unauthorized";
}

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The answer to a join or create: the seat, or the client-caused error that refused it.</summary>
/// <remarks>Errors a client can cause travel as values, not exceptions: exceptions are for the unexpected.</remarks>
[GenerateSerializer, Immutable, Alias("game.JoinOutcome")]
public sealed record JoinOutcome(
    [Id(0)] JoinedRoom? Result,
    [Id(1)] ErrorMessage? Error)
{
    /// <summary>A successful join.</summary>
    public static JoinOutcome Joined(JoinedRoom result) => new(result, null);

    /// <summary>A refused join with a code from <see cref="ErrorCodes"/>.</summary>
    public static JoinOutcome Refused(string code, string message) => new(null, new ErrorMessage(code, message));
}

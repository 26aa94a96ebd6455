namespace OrleansGame.Rooms.Testing;

/// <summary>An <c>Error</c> a mode sent one member through <see cref="IRoom.Reject"/>.</summary>
/// <param name="To">The member it went to.</param>
/// <param name="Code">The error's code.</param>
/// <param name="Message">The error's message.</param>
public sealed record Rejection(string To, string Code, string Message);

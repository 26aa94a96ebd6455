namespace OrleansGame.Arena.Simulation;

/// <summary>A player in an <see cref="ArenaCheckpoint"/>, exactly as it was.</summary>
/// <param name="Id">The player's id.</param>
/// <param name="X">The centre's x coordinate.</param>
/// <param name="Y">The centre's y coordinate.</param>
/// <param name="Dx">The steering intent's x component.</param>
/// <param name="Dy">The steering intent's y component.</param>
/// <param name="Score">Points this round.</param>
/// <param name="Away">Whether the connection was away.</param>
/// <param name="LastSeq">The last input sequence applied.</param>
internal sealed record PlayerCheckpoint(string Id, double X, double Y, double Dx, double Dy, int Score, bool Away, long LastSeq);

namespace OrleansGame.FourInARow.Wire;

/// <summary>A player as the state shows it.</summary>
/// <param name="Id">The player's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Disc">1 (moves first) or 2.</param>
/// <param name="Away">Whether the connection dropped and the seat is held.</param>
/// <param name="Wins">Games won in this room.</param>
public sealed record PlayerView(string Id, string Name, int Disc, bool Away, int Wins);

namespace OrleansGame.Rooms;

/// <summary>One player's result of a finished game, added to the player's persisted stats and the leaderboard.</summary>
/// <param name="PlayerId">The player.</param>
/// <param name="Score">The game's score (added to the player's total; the best one is kept).</param>
/// <param name="Counted">Whether the game counts toward games played (for example, it had two or more players).</param>
/// <param name="Won">Whether the player won it.</param>
public sealed record GameResult(string PlayerId, int Score, bool Counted, bool Won);

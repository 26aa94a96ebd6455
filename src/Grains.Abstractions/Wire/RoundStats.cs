namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>What a room tells a player's grain at the end of a round (not sent to clients).</summary>
/// <param name="RoomId">The room the round was played in.</param>
/// <param name="Score">The player's score in the round (orbs collected).</param>
/// <param name="Counted">Whether the round had two or more players and so counts toward games played.</param>
/// <param name="Won">Whether the player was the round's top scorer in a counted round.</param>
[GenerateSerializer, Immutable, Alias("game.RoundStats")]
public sealed record RoundStats(
    [Id(0)] string RoomId,
    [Id(1)] int Score,
    [Id(2)] bool Counted,
    [Id(3)] bool Won);

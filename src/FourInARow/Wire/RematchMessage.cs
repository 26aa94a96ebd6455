namespace OrleansGame.FourInARow.Wire;

/// <summary>A <c>Rematch</c> from a client: <c>{}</c>, a player's vote for another game once one is over.</summary>
public sealed record RematchMessage;

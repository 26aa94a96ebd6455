namespace OrleansGame.FourInARow.Wire;

/// <summary>The mode's part of the join result: <c>{"state": ...}</c>, the room's current <see cref="BoardState"/>.</summary>
/// <param name="State">The state now.</param>
public sealed record JoinState(BoardState State);
